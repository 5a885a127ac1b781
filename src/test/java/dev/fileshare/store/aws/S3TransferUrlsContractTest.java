package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.core.port.TransferUrlsContract;
import dev.fileshare.tools.AwsStandIns;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The transfer URL contract on S3 presigned URLs, followed with a plain HTTP client against S3Proxy. */
@ExtendWith(AwsStandInsExtension.class)
class S3TransferUrlsContractTest extends TransferUrlsContract {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Stores aws;

    @BeforeEach
    void open(AwsStandIns standIns) {
        aws = AwsStore.open(TestResources.fresh(standIns), LIFETIME);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Override
    protected TransferUrls transferUrls() {
        return aws.transferUrls().orElseThrow();
    }

    @Override
    protected BlobStore blobs() {
        return aws.blobs();
    }

    @Override
    protected boolean put(TransferUrl url, byte[] content) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        url.headers().forEach(request::header);
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT %s", response.body()).isIn(200, 412);
        return response.statusCode() == 200;
    }

    @Override
    protected Optional<byte[]> get(TransferUrl url) throws IOException {
        HttpResponse<byte[]> response =
                send(HttpRequest.newBuilder(url.url()).GET(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isIn(200, 404);
        return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
