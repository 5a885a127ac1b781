package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.tools.AwsStandIns;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What S3 presigned URLs have beyond the transfer URL contract (S3TransferUrlsContractTest): their SigV4 shape and
 * S3's limits. S3Proxy checks no signatures, so tampering and expiry are tested on the local signer only.
 */
@ExtendWith(AwsStandInsExtension.class)
class S3TransferUrlsTest {
    private static final Duration LIFETIME = Duration.ofMinutes(15);
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
    void urlsArePathStyleSigV4QuerySignaturesForTheLifetime() {
        TransferUrl issued = transferUrls.upload(FILE);

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
