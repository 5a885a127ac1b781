package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.Session;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * tus 1.0.0 at /uploads, spoken by hand: creation, partial PATCH, HEAD for the offset, resume, checksums,
 * termination, expiry, and the bound on open uploads. The build runs this server with uploads expiring after
 * 15 s without a chunk.
 */
class TusUploadIT {
    private static final String TUS = "1.0.0";
    private static final String CHUNK = "application/offset+octet-stream";
    private static final Duration EXPIRY = Duration.ofSeconds(15);

    private final FileshareClient client = new FileshareClient();
    private final Session alice = client.signUp("tus");

    @Test
    void optionsAdvertisesTheProtocolWithoutASession() {
        ApiResponse options =
                FileshareClient.send(client.request("uploads", null).method("OPTIONS", BodyPublishers.noBody()));

        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Tus-Resumable")).contains(TUS);
        assertThat(options.header("Tus-Version")).contains(TUS);
        assertThat(options.header("Tus-Extension").orElseThrow().split(","))
                .contains("creation", "creation-with-upload", "expiration", "checksum", "termination");
        assertThat(options.header("Tus-Checksum-Algorithm").orElseThrow().split(","))
                .contains("sha1", "sha256");
        assertThat(Long.parseLong(options.header("Tus-Max-Size").orElseThrow())).isPositive();
    }

    @Test
    void anUploadResumesFromTheOffsetTheServerReportsAndBecomesTheFile() {
        byte[] content = Contents.random(7, 3 * 1024 * 1024 + 17);
        ApiResponse created = create(alice, "resumed.bin", content.length, null);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Tus-Resumable")).contains(TUS);
        assertThat(created.header("Upload-Expires")).isPresent();
        URI upload = location(created);

        ApiResponse first = patch(alice, upload, 0, Arrays.copyOfRange(content, 0, 1024 * 1024));
        assertThat(first.status()).as("%s", first).isEqualTo(204);
        assertThat(first.header("Upload-Offset")).contains(String.valueOf(1024 * 1024));
        assertThat(client.download(alice.token(), "resumed.bin").status())
                .as("no file before the last byte")
                .isEqualTo(404);

        ApiResponse head = head(alice, upload);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers().allValues("Upload-Offset")).containsExactly(String.valueOf(1024 * 1024));
        assertThat(head.header("Upload-Length")).contains(String.valueOf(content.length));
        assertThat(head.header("Cache-Control")).contains("no-store");
        assertThat(head.header("Tus-Resumable")).contains(TUS);

        assertProblem(patch(alice, upload, 0, new byte[] {1, 2, 3}), 409);

        ApiResponse last = patch(alice, upload, 1024 * 1024, Arrays.copyOfRange(content, 1024 * 1024, content.length));
        assertThat(last.status()).as("%s", last).isEqualTo(204);
        assertThat(last.header("Upload-Offset")).contains(String.valueOf(content.length));
        String etag = last.header("ETag").orElseThrow();

        ApiResponse stored = client.download(alice.token(), "resumed.bin");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.header("ETag")).contains(etag);
        assertThat(Contents.sha256(stored.body())).isEqualTo(Contents.sha256(content));
        assertThat(head(alice, upload).status()).as("the upload is over").isEqualTo(404);
    }

    @Test
    void creationWithUploadTakesTheFirstChunkAndAChecksummedChunkMustMatch() throws Exception {
        byte[] content = Contents.text("hello, resumable world");
        HttpRequest.Builder creation = send(alice, "uploads")
                .header("Upload-Length", String.valueOf(content.length))
                .header("Upload-Metadata", metadata("checked.txt"))
                .header("Content-Type", CHUNK)
                .header("Upload-Checksum", "sha256 " + sha256Base64(Arrays.copyOf(content, 5)))
                .POST(BodyPublishers.ofByteArray(Arrays.copyOf(content, 5)));
        ApiResponse first = FileshareClient.send(creation);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Upload-Offset")).contains("5");
        URI upload = location(first);

        byte[] rest = Arrays.copyOfRange(content, 5, content.length);
        ApiResponse mismatch = FileshareClient.send(patchRequest(alice, upload, 5, rest)
                .header("Upload-Checksum", "sha256 " + sha256Base64(Contents.text("something else"))));
        assertProblem(mismatch, 460);
        assertThat(head(alice, upload).header("Upload-Offset"))
                .as("nothing appended")
                .contains("5");
        assertThat(client.download(alice.token(), "checked.txt").status()).isEqualTo(404);

        ApiResponse unknownAlgorithm =
                FileshareClient.send(patchRequest(alice, upload, 5, rest).header("Upload-Checksum", "crc32 AAAA"));
        assertProblem(unknownAlgorithm, 400);

        ApiResponse matching = FileshareClient.send(
                patchRequest(alice, upload, 5, rest).header("Upload-Checksum", "sha256 " + sha256Base64(rest)));
        assertThat(matching.status()).as("%s", matching).isEqualTo(204);
        assertThat(client.download(alice.token(), "checked.txt").text()).isEqualTo("hello, resumable world");
    }

    @Test
    void theProtocolVersionAndTheChunkTypeAreChecked() {
        ApiResponse noVersion = FileshareClient.send(client.request("uploads", alice.token())
                .header("Upload-Length", "3")
                .header("Upload-Metadata", metadata("v.txt"))
                .POST(BodyPublishers.noBody()));
        assertProblem(noVersion, 412);
        assertThat(noVersion.header("Tus-Version")).contains(TUS);

        URI upload = location(create(alice, "typed.txt", 3, null));
        ApiResponse wrongType =
                FileshareClient.send(client.request(upload.getPath().substring(1), alice.token())
                        .header("Tus-Resumable", TUS)
                        .header("Upload-Offset", "0")
                        .header("Content-Type", "application/octet-stream")
                        .method("PATCH", BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
        assertProblem(wrongType, 415);
        assertThat(wrongType.header("Tus-Resumable")).contains(TUS);
    }

    @Test
    void everyRequestNeedsTheOwnersSession() {
        URI upload = location(create(alice, "mine.txt", 3, null));
        Session bob = client.signUp("tusbob");

        ApiResponse anonymous =
                FileshareClient.send(client.request(upload.getPath().substring(1), null)
                        .header("Tus-Resumable", TUS)
                        .method("HEAD", BodyPublishers.noBody()));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Tus-Resumable")).contains(TUS);
        assertProblem(
                FileshareClient.send(client.request(upload.getPath().substring(1), null)
                        .header("Tus-Resumable", TUS)
                        .header("Upload-Offset", "0")
                        .header("Content-Type", CHUNK)
                        .method("PATCH", BodyPublishers.ofByteArray(new byte[] {1}))),
                401);
        assertThat(head(bob, upload).status()).isEqualTo(404);
        assertProblem(patch(bob, upload, 0, new byte[] {1, 2, 3}), 404);
        assertThat(head(alice, upload).header("Upload-Offset")).contains("0");
    }

    @Test
    void aCreateOnlyUploadOfAnExistingNameIsRefusedAtCreation() {
        assertThat(client.upload(alice.token(), "exists.txt", Contents.text("old"))
                        .status())
                .isEqualTo(200);

        assertProblem(create(alice, "exists.txt", 3, "if-none-match " + b64("*")), 412);
        assertProblem(create(alice, "bad/name", 3, null), 400);
        assertProblem(
                FileshareClient.send(
                        send(alice, "uploads").header("Upload-Length", "3").POST(BodyPublishers.noBody())),
                400);
    }

    @Test
    void anEmptyUploadIsStoredAtCreation() {
        ApiResponse created = create(alice, "empty.txt", 0, null);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("ETag")).isPresent();
        ApiResponse stored = client.download(alice.token(), "empty.txt");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body()).isEmpty();
    }

    @Test
    void terminationFreesTheUpload() {
        URI upload = location(create(alice, "terminated.txt", 10, null));
        assertThat(patch(alice, upload, 0, Contents.text("abc")).status()).isEqualTo(204);

        ApiResponse terminated = FileshareClient.send(request(alice, upload).method("DELETE", BodyPublishers.noBody()));
        assertThat(terminated.status()).isEqualTo(204);
        assertThat(terminated.header("Tus-Resumable")).contains(TUS);

        assertThat(head(alice, upload).status()).isEqualTo(404);
        assertProblem(patch(alice, upload, 3, Contents.text("def")), 404);
        assertThat(client.download(alice.token(), "terminated.txt").status()).isEqualTo(404);
    }

    @Test
    void anAbandonedUploadExpiresWithItsBytes() throws Exception {
        URI upload = location(create(alice, "abandoned.txt", 10, null));
        assertThat(patch(alice, upload, 0, Contents.text("abc")).status()).isEqualTo(204);
        String id = Path.of(upload.getPath()).getFileName().toString();
        Path bytes = FileshareServer.dataDir()
                .map(dir -> dir.resolve("uploads").resolve(id))
                .orElse(null);
        if (bytes != null) {
            assertThat(bytes).exists();
        }

        Thread.sleep(EXPIRY.plusSeconds(1).toMillis());

        assertThat(head(alice, upload).status()).isEqualTo(404);
        assertProblem(patch(alice, upload, 3, Contents.text("def")), 404);
        if (bytes != null) {
            assertThat(bytes).doesNotExist();
        }
    }

    @Test
    void aUserHasABoundedNumberOfOpenUploads() {
        Session carol = client.signUp("tuscarol");
        URI first = null;
        for (int i = 0; i < 20; i++) {
            ApiResponse created = create(carol, "open-" + i, 1, null);
            assertThat(created.status()).as("upload %d: %s", i, created).isEqualTo(201);
            first = first == null ? location(created) : first;
        }

        assertProblem(create(carol, "one-too-many", 1, null), 409);

        assertThat(patch(carol, first, 0, new byte[] {42}).status()).isEqualTo(204);
        assertThat(create(carol, "one-too-many", 1, null).status()).isEqualTo(201);
    }

    private ApiResponse create(Session session, String fileName, long length, String extraMetadata) {
        String metadata = metadata(fileName) + (extraMetadata == null ? "" : "," + extraMetadata);
        return FileshareClient.send(send(session, "uploads")
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", metadata)
                .POST(BodyPublishers.noBody()));
    }

    private ApiResponse patch(Session session, URI upload, long offset, byte[] chunk) {
        return FileshareClient.send(patchRequest(session, upload, offset, chunk));
    }

    private HttpRequest.Builder patchRequest(Session session, URI upload, long offset, byte[] chunk) {
        return request(session, upload)
                .header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", CHUNK)
                .method("PATCH", BodyPublishers.ofByteArray(chunk));
    }

    private ApiResponse head(Session session, URI upload) {
        return FileshareClient.send(request(session, upload).method("HEAD", BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(Session session, URI upload) {
        return send(session, upload.getPath().substring(1));
    }

    private HttpRequest.Builder send(Session session, String path) {
        return client.request(path, session.token()).header("Tus-Resumable", TUS);
    }

    private static URI location(ApiResponse created) {
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return URI.create(created.header("Location").orElseThrow());
    }

    private static String metadata(String fileName) {
        return "filename " + b64(fileName);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Base64(byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
