package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.Session;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HEAD /file: the headers GET would send, for the same conditions, without the content and without reading it. */
class HeadIT {
    private static final String[] GET_HEADERS = {
        "Content-Length",
        "Content-Type",
        "ETag",
        "Last-Modified",
        "Content-Disposition",
        "Accept-Ranges",
        "Cache-Control"
    };

    private final FileshareClient client = new FileshareClient();
    private Session alice;
    private String etag;

    @BeforeEach
    void upload() {
        alice = client.signUp("head");
        ApiResponse created = client.uploadBinary(alice.token(), "report.pdf", Contents.random(21, 10_000));
        assertThat(created.status()).isEqualTo(201);
        etag = created.header("ETag").orElseThrow();
    }

    @Test
    void answersTheHeadersOfGetWithoutTheContent() {
        ApiResponse get = client.download(alice.token(), "report.pdf");
        ApiResponse head = head("file?file_name=report.pdf", alice);

        assertThat(head.status()).as("%s", head).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).contains("10000");
        for (String name : GET_HEADERS) {
            assertThat(head.header(name)).as(name).isPresent().isEqualTo(get.header(name));
        }
    }

    @Test
    void answersAsGetDoesForBase64AndForConditions() {
        ApiResponse base64 = FileshareClient.send(client.request("file?file_name=report.pdf", alice.token())
                .header("Accept", "text/plain")
                .method("HEAD", BodyPublishers.noBody()));
        ApiResponse text = client.downloadBase64(alice.token(), alice.username(), "report.pdf");
        assertThat(base64.status()).isEqualTo(200);
        assertThat(base64.header("Content-Type")).isEqualTo(text.header("Content-Type"));
        assertThat(base64.header("Content-Length")).contains(String.valueOf(text.body().length));

        ApiResponse notModified = FileshareClient.send(client.request("file?file_name=report.pdf", alice.token())
                .header("If-None-Match", etag)
                .method("HEAD", BodyPublishers.noBody()));
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).contains(etag);

        assertThat(head("file?file_name=missing.pdf", alice).status()).isEqualTo(404);
        Session bob = client.signUp("head-bob");
        assertThat(head("file?file_name=report.pdf&username=" + alice.username(), bob)
                        .status())
                .as("not shared")
                .isEqualTo(404);
        assertThat(client.share(alice.token(), "report.pdf", bob.username()).status())
                .isEqualTo(200);
        assertThat(head("file?file_name=report.pdf&username=" + alice.username(), bob)
                        .header("ETag"))
                .contains(etag);
    }

    @Test
    void neverOpensTheContent() throws IOException {
        // The local store keeps each version in blobs/<2 hex digits>/<id>, its ETag the quoted id: with that file
        // gone, anything that opened the content would fail, and a HEAD that answers did not open it.
        Assumptions.assumeTrue("local".equals(FileshareServer.store()), "reads the local store's blob directory");
        String id = etag.substring(1, etag.length() - 1);
        Path blob = Path.of(System.getProperty("it.data-dir", "target/it-data"), "blobs", id.substring(0, 2), id);
        Path aside = blob.resolveSibling(id + ".aside");
        assertThat(blob).exists();
        ApiResponse head;
        ApiResponse get;
        Files.move(blob, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            head = head("file?file_name=report.pdf", alice);
            get = client.download(alice.token(), "report.pdf");
        } finally {
            Files.move(aside, blob, StandardCopyOption.ATOMIC_MOVE);
        }

        assertThat(head.status()).as("%s", head).isEqualTo(200);
        assertThat(head.header("Content-Length")).contains("10000");
        assertThat(head.header("ETag")).contains(etag);
        assertThat(get.status()).as("GET, which opens the content: %s", get).isNotEqualTo(200);
        assertThat(client.download(alice.token(), "report.pdf").status()).isEqualTo(200);
    }

    private ApiResponse head(String pathAndQuery, Session session) {
        return FileshareClient.send(
                client.request(pathAndQuery, session.token()).method("HEAD", BodyPublishers.noBody()));
    }
}
