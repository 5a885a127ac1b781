package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import jakarta.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET with If-None-Match / If-Modified-Since (304 or 200); PUT with {@code If-None-Match: *} (create only) and
 * {@code If-Match} (replace only that version), 412 otherwise with the content unchanged, on both PUT forms.
 */
class ConditionalRequestIT {
    private final FileshareClient client = new FileshareClient();
    private Session alice;
    private byte[] original;
    private String etag;

    @BeforeEach
    void upload() {
        alice = client.signUp("cond-alice");
        original = Contents.random(7, 4096);
        ApiResponse created = client.uploadBinary(alice.token(), "doc.bin", original);
        assertThat(created.status()).isEqualTo(201);
        etag = created.header("ETag").orElseThrow();
    }

    // --- GET

    @Test
    void getWithTheCurrentEtagIs304() {
        ApiResponse notModified = get("If-None-Match", etag);

        assertThat(notModified.status()).as("%s", notModified).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).contains(etag);
    }

    @Test
    void getWithAStaleEtagIs200() {
        ApiResponse replaced = client.uploadBinary(alice.token(), "doc.bin", Contents.random(8, 4096));
        assertThat(replaced.status()).isEqualTo(200);

        ApiResponse fresh = get("If-None-Match", etag);

        assertThat(fresh.status()).as("%s", fresh).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo(Contents.random(8, 4096));
        assertThat(fresh.header("ETag"))
                .contains(replaced.header("ETag").orElseThrow())
                .isNotEqualTo(etag);
        // A list of etags matches when any of them is current.
        String current = replaced.header("ETag").orElseThrow();
        assertThat(get("If-None-Match", etag + ", " + current).status()).isEqualTo(304);
    }

    @Test
    void ifModifiedSinceAtOrAfterLastModifiedIs304AndBeforeIs200() {
        String lastModified = client.download(alice.token(), "doc.bin")
                .header("Last-Modified")
                .orElseThrow();
        ZonedDateTime modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);

        assertThat(get("If-Modified-Since", lastModified).status()).isEqualTo(304);
        assertThat(get("If-Modified-Since", http(modified.plus(Duration.ofDays(1))))
                        .status())
                .isEqualTo(304);
        ApiResponse modifiedSince = get("If-Modified-Since", http(modified.minus(Duration.ofHours(1))));
        assertThat(modifiedSince.status()).isEqualTo(200);
        assertThat(modifiedSince.body()).isEqualTo(original);
    }

    // --- binary PUT

    @Test
    void binaryIfNoneMatchStarOnAnExistingFileIs412AndChangesNothing() {
        assertProblem(
                client.uploadBinary(alice.token(), "doc.bin", Contents.text("overwritten"), "If-None-Match", "*"), 412);

        assertUnchanged();
    }

    @Test
    void binaryIfNoneMatchStarOnANewFileCreatesIt() {
        ApiResponse created = client.uploadBinary(alice.token(), "new.bin", Contents.text("new"), "If-None-Match", "*");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(client.download(alice.token(), "new.bin").body()).isEqualTo(Contents.text("new"));
    }

    @Test
    void binaryIfMatchTheCurrentEtagReplaces() {
        ApiResponse replaced = client.uploadBinary(alice.token(), "doc.bin", Contents.text("v2"), "If-Match", etag);

        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(client.download(alice.token(), "doc.bin").body()).isEqualTo(Contents.text("v2"));
        // ... and the etag it had is now old.
        assertProblem(client.uploadBinary(alice.token(), "doc.bin", Contents.text("v3"), "If-Match", etag), 412);
        assertThat(client.download(alice.token(), "doc.bin").body()).isEqualTo(Contents.text("v2"));
    }

    @Test
    void binaryIfMatchAnOldEtagIs412AndChangesNothing() {
        assertProblem(
                client.uploadBinary(
                        alice.token(), "doc.bin", Contents.text("lost update"), "If-Match", "\"not-the-etag\""),
                412);
        assertUnchanged();
        assertProblem(client.uploadBinary(alice.token(), "missing.bin", Contents.text("x"), "If-Match", etag), 412);
        assertProblem(client.download(alice.token(), "missing.bin"), 404);
    }

    // --- JSON PUT

    @Test
    void jsonIfNoneMatchStarOnAnExistingFileIs412AndChangesNothing() {
        assertProblem(jsonPut("doc.bin", Contents.text("overwritten"), "If-None-Match", "*"), 412);

        assertUnchanged();
    }

    @Test
    void jsonIfNoneMatchStarOnANewFileCreatesIt() {
        ApiResponse created = jsonPut("new.json.bin", Contents.text("new"), "If-None-Match", "*");

        assertThat(created.status()).as("%s", created).isEqualTo(200);
        assertThat(client.download(alice.token(), "new.json.bin").body()).isEqualTo(Contents.text("new"));
    }

    @Test
    void jsonIfMatchTheCurrentEtagReplacesAndAnOldOneIs412() {
        ApiResponse replaced = jsonPut("doc.bin", Contents.text("v2"), "If-Match", etag);
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().getString("etag")).isNotEqualTo(etag);

        assertProblem(jsonPut("doc.bin", Contents.text("v3"), "If-Match", etag), 412);
        assertThat(client.download(alice.token(), "doc.bin").body()).isEqualTo(Contents.text("v2"));
    }

    private void assertUnchanged() {
        ApiResponse current = client.download(alice.token(), "doc.bin");
        assertThat(current.body()).isEqualTo(original);
        assertThat(current.header("ETag")).contains(etag);
    }

    private ApiResponse get(String header, String value) {
        return FileshareClient.send(client.request("file?file_name=doc.bin", alice.token())
                .header(header, value)
                .GET());
    }

    private ApiResponse jsonPut(String name, byte[] content, String header, String value) {
        String body = Json.createObjectBuilder()
                .add("file_name", name)
                .add("content", Base64.getEncoder().encodeToString(content))
                .build()
                .toString();
        return FileshareClient.send(client.request("file", alice.token())
                .header("Content-Type", "application/json")
                .header(header, value)
                .PUT(BodyPublishers.ofString(body)));
    }

    private static String http(ZonedDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }
}
