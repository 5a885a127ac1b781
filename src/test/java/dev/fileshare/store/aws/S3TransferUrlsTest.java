package dev.fileshare.store.aws;

import static dev.fileshare.core.port.TransferUrlQueries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.core.port.VersionGoneException;
import dev.fileshare.tools.AwsStandIns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * What S3 presigned URLs have beyond the transfer URL contract (S3TransferUrlsContractTest), followed with a plain
 * HTTP client against S3Proxy. S3Proxy checks no signatures, so what is signed is read from the URLs
 * (X-Amz-SignedHeaders) and what S3Proxy does implement is followed: conditional PUTs, GETs of an object version
 * (the test bucket is versioned, as the stack's is) and the response-content-* overrides. Expiry and tampering are
 * tested on the local signer.
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
    void aPresignedPutSignsTheLengthTheContentTypeAndTheCondition() throws Exception {
        TransferUrl any = transferUrls.upload(new UploadTerms(FILE, 3, WriteCondition.ALWAYS));
        TransferUrl createOnly = transferUrls.upload(new UploadTerms(FILE, 3, WriteCondition.ONLY_IF_ABSENT));
        TransferUrl ifMatch = transferUrls.upload(new UploadTerms(FILE, 3, new WriteCondition.OnlyIfMatches("\"e\"")));

        assertThat(query(any)).containsEntry("X-Amz-SignedHeaders", "content-length;content-type;host");
        assertThat(any.headers()).containsExactly(Map.entry("content-type", "application/octet-stream"));
        assertThat(query(createOnly))
                .containsEntry("X-Amz-SignedHeaders", "content-length;content-type;host;if-none-match");
        assertThat(createOnly.headers())
                .containsOnly(Map.entry("content-type", "application/octet-stream"), Map.entry("if-none-match", "*"));
        assertThat(query(ifMatch)).containsEntry("X-Amz-SignedHeaders", "content-length;content-type;host;if-match");
        assertThat(ifMatch.headers()).containsEntry("if-match", "\"e\"");

        // What S3Proxy checks of it: the condition, and the content type it stores.
        assertThat(put(createOnly, bytes("one")).statusCode()).isEqualTo(200);
        assertThat(put(createOnly, bytes("two")).statusCode()).isEqualTo(412);
        HttpResponse<byte[]> stored =
                get(transferUrls.download(aws.blobs().find(FILE).orElseThrow(), FILE.owner()));
        assertThat(stored.body()).isEqualTo(bytes("one"));
        assertThat(aws.blobs().find(FILE).orElseThrow().size()).isEqualTo(3);
    }

    @Test
    void aPresignedGetReadsTheVersionItWasIssuedForAsAnAttachmentOfBytes() throws Exception {
        FileVersion first = write(FILE, "<h1>first</h1>");
        TransferUrl download = transferUrls.download(first, new Username("bob"));
        write(FILE, "second, longer");

        Map<String, String> query = query(download);
        assertThat(query).containsKey("versionId");
        assertThat(query.get("response-content-disposition")).startsWith("attachment; filename=");
        assertThat(query).containsEntry("response-content-type", "application/octet-stream");
        HttpResponse<byte[]> get = get(download);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(bytes("<h1>first</h1>"));
        assertThat(get.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(get.headers().firstValue("Content-Disposition"))
                .contains(
                        "attachment; filename=\"my video _+&=.bin\"; filename*=UTF-8''my%20video%20%C3%BC%2B%26%3D.bin");
    }

    @Test
    void aVersionReplacedBeforeItsUrlIsIssuedIsGone() throws Exception {
        FileVersion first = write(FILE, "first");
        write(FILE, "second");

        assertThatThrownBy(() -> transferUrls.download(first, FILE.owner())).isInstanceOf(VersionGoneException.class);
        aws.blobs().delete(FILE);
        FileVersion deleted = new FileVersion(FILE, 6, first.modified(), "\"0123\"");
        assertThatThrownBy(() -> transferUrls.download(deleted, FILE.owner())).isInstanceOf(VersionGoneException.class);
    }

    @Test
    void inABucketWithoutVersionsAGetNamesOnlyTheKey() throws Exception {
        try (AwsClients clients = AwsClients.create(config)) {
            clients.s3()
                    .putBucketVersioning(v -> v.bucket(config.bucket())
                            .versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED)));
        }
        FileVersion entry = write(FILE, "unversioned");

        TransferUrl download = transferUrls.download(entry, FILE.owner());

        assertThat(query(download)).doesNotContainKey("versionId");
        assertThat(get(download).body()).isEqualTo(bytes("unversioned"));
    }

    private FileVersion write(FileKey key, String content) throws java.io.IOException {
        byte[] bytes = bytes(content);
        return aws.blobs()
                .write(key, new java.io.ByteArrayInputStream(bytes), bytes.length, WriteCondition.ALWAYS)
                .entry();
    }

    private static HttpResponse<String> put(TransferUrl upload, byte[] content) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(upload.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        upload.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(TransferUrl download) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(download.url()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void urlsArePathStyleSigV4QuerySignaturesForTheLifetime() {
        TransferUrl issued = transferUrls.upload(new UploadTerms(FILE, 1, WriteCondition.ALWAYS));

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
            assertThat(week.transferUrls()
                            .orElseThrow()
                            .upload(new UploadTerms(FILE, 1, WriteCondition.ALWAYS))
                            .url()
                            .getQuery())
                    .contains("X-Amz-Expires=604800");
        }
        assertThatThrownBy(() -> AwsStore.open(config, Duration.ofDays(7).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AwsStore.open(config, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
