package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.tools.AwsStandIns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * S3 presigned URLs, followed with a plain HTTP client against S3Proxy. S3Proxy checks no signatures, so only
 * the round trip and the URLs' shape are tested here; expiry is tested on the local signer.
 */
@ExtendWith(AwsStandInsExtension.class)
class S3TransferUrlsTest {
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final FileKey FILE = new FileKey(new Username("alice"), new FileName("my video ü+&=.bin"));

    AwsSettings config;
    Stores aws;
    TransferUrls transferUrls;

    @BeforeEach
    void open(AwsStandIns standIns) {
        config = TestResources.fresh(standIns);
        aws = AwsStore.open(config, LIFETIME);
        transferUrls = aws.transferUrls().orElseThrow();
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void aPresignedPutThenAPresignedGetRoundTripTheBytes() throws Exception {
        byte[] content = new byte[300_000];
        new Random(11).nextBytes(content);

        TransferUrl upload = transferUrls.upload(FILE);
        assertThat(upload.method()).isEqualTo("PUT");
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(upload.url())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as("PUT %s", put.body()).isEqualTo(200);

        FileVersion entry = aws.blobs().find(FILE).orElseThrow();
        assertThat(entry.size()).isEqualTo(content.length);
        TransferUrl download = transferUrls.download(entry);
        assertThat(download.method()).isEqualTo("GET");
        HttpResponse<byte[]> get = HTTP.send(
                HttpRequest.newBuilder(download.url()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(content);
    }

    @Test
    void urlsArePathStyleSigV4QuerySignaturesForTheLifetime() {
        Instant before = Instant.now();
        TransferUrl issued = transferUrls.upload(FILE);
        Instant after = Instant.now();

        URI url = issued.url();
        assertThat(url.getScheme() + "://" + url.getAuthority())
                .isEqualTo(config.s3Endpoint().orElseThrow().toString());
        assertThat(url.getPath()).isEqualTo("/" + config.bucket() + "/" + FILE.value());
        assertThat(url.getQuery())
                .contains(
                        "X-Amz-Algorithm=AWS4-HMAC-SHA256",
                        "X-Amz-Expires=" + LIFETIME.toSeconds(),
                        "X-Amz-Signature=",
                        "X-Amz-Credential=");
        assertThat(issued.expiresAt()).isBetween(before.plus(LIFETIME).minusSeconds(1), after.plus(LIFETIME));
        assertThat(issued.expiresAt().getNano()).isZero();
    }

    @Test
    void oneUploadUrlCarriesAtMostS3sSinglePutLimit() {
        assertThat(transferUrls.maxUploadBytes()).isEqualTo(5L * 1024 * 1024 * 1024);
    }

    @Test
    void theStoresHandOutThePresignedUrls() {
        assertThat(aws.transferUrls()).get().isInstanceOf(S3TransferUrls.class);
    }

    @Test
    void lifetimeIsAtMostSevenDays() {
        try (Stores week = AwsStore.open(config, Duration.ofDays(7))) {
            assertThat(week.transferUrls().orElseThrow().upload(FILE).url().getQuery())
                    .contains("X-Amz-Expires=604800");
        }
        assertThatThrownBy(() -> AwsStore.open(config, Duration.ofDays(7).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AwsStore.open(config, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
