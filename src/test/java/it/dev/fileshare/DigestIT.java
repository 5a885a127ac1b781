package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9530 digests end to end: every version's SHA-256, computed as it is written, answered as {@code Repr-Digest}
 * and listed as {@code sha256}; a digest sent with an upload (raw or JSON, or a tus upload's creation) is checked
 * before anything is stored.
 */
class DigestIT {
    private static final String TUS = "1.0.0";

    private final FileshareClient client = new FileshareClient();
    private final Session alice = client.signUp("digest");

    @Test
    void aDownloadsReprDigestIsTheSha256OfItsBodyOnGetAndHead() {
        byte[] content = Contents.random(9530, 100_000);
        assertThat(client.uploadBinary(alice.token(), "data.bin", content).status())
                .isEqualTo(201);

        ApiResponse get = client.download(alice.token(), "data.bin");
        ApiResponse head = FileshareClient.send(
                client.request("file?file_name=data.bin", alice.token()).method("HEAD", BodyPublishers.noBody()));

        assertThat(get.header("Repr-Digest")).contains(field(sha256(get.body())));
        assertThat(get.header("Repr-Digest")).contains(field(sha256(content)));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Repr-Digest")).isEqualTo(get.header("Repr-Digest"));
        assertThat(get.header("Content-Digest")).isEmpty();
    }

    @Test
    void wantContentDigestAndWantReprDigestAreHonouredForSha256() {
        byte[] content = Contents.text("asked for, answered");
        client.uploadBinary(alice.token(), "wanted.txt", content);
        String expected = field(sha256(content));

        ApiResponse whole = download("wanted.txt", "Want-Content-Digest", "sha-512=10, sha-256=3");
        ApiResponse range = download("wanted.txt", "Range", "bytes=0-4", "Want-Repr-Digest", "sha-256=5");
        ApiResponse plainRange = download("wanted.txt", "Range", "bytes=0-4");

        assertThat(whole.header("Content-Digest")).contains(expected);
        assertThat(whole.header("Repr-Digest")).contains(expected);
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Repr-Digest")).as("the whole file's").contains(expected);
        assertThat(range.header("Content-Digest")).isEmpty();
        assertThat(plainRange.header("Repr-Digest")).isEmpty();
    }

    @Test
    void aRawUploadWithTheRightDigestIsStoredAndOneWithAnotherStoresNothing() {
        byte[] first = Contents.text("the first version");
        byte[] second = Contents.text("what the client meant to send");
        assertThat(client.uploadBinary(alice.token(), "checked.txt", first, "Repr-Digest", field(sha256(first)))
                        .status())
                .isEqualTo(201);
        String etag =
                client.download(alice.token(), "checked.txt").header("ETag").orElseThrow();

        ApiResponse wrongRepr = client.uploadBinary(
                alice.token(), "checked.txt", Contents.text("tampered"), "Repr-Digest", field(sha256(second)));
        ApiResponse wrongContent = client.uploadBinary(
                alice.token(), "checked.txt", Contents.text("tampered"), "Content-Digest", field(sha256(second)));
        ApiResponse wrongNew = client.uploadBinary(
                alice.token(), "never.txt", Contents.text("tampered"), "Repr-Digest", field(sha256(second)));

        for (ApiResponse refused : List.of(wrongRepr, wrongContent, wrongNew)) {
            JsonObject problem = assertProblem(refused, 400);
            assertThat(problem.getString("detail"))
                    .contains(field(sha256(second)))
                    .contains(field(sha256(Contents.text("tampered"))))
                    .contains("nothing was stored");
        }
        ApiResponse current = client.download(alice.token(), "checked.txt");
        assertThat(current.body()).isEqualTo(first);
        assertThat(current.header("ETag")).contains(etag);
        assertThat(client.download(alice.token(), "never.txt").status()).isEqualTo(404);

        ApiResponse right = client.uploadBinary(
                alice.token(),
                "checked.txt",
                second,
                "Content-Digest",
                "md5=:" + Base64.getEncoder().encodeToString(new byte[16]) + ":, " + field(sha256(second)));
        assertThat(right.status()).isEqualTo(200);
        assertThat(client.download(alice.token(), "checked.txt").body()).isEqualTo(second);
    }

    @Test
    void aJsonUploadsDigestIsThatOfItsDecodedContent() {
        byte[] content = Contents.text("hello, bob");
        assertThat(uploadJson("json.txt", content, field(sha256(content))).status())
                .isEqualTo(200);

        ApiResponse wrong = uploadJson("json.txt", Contents.text("hello, eve"), field(sha256(content)));

        assertProblem(wrong, 400);
        assertThat(client.download(alice.token(), "json.txt").body()).isEqualTo(content);
    }

    @Test
    void aMalformedDigestFieldOrOneWithoutSha256IsABadRequestAndStoresNothing() {
        byte[] content = Contents.text("x");
        for (String field : List.of(
                "sha-256=not-a-byte-sequence",
                "sha-256=:abc",
                "sha-512=:" + b64(new byte[64]) + ":",
                "sha-256=:" + b64(new byte[5]) + ":")) {
            assertInvalid(
                    client.uploadBinary(alice.token(), "malformed.txt", content, "Repr-Digest", field), "Repr-Digest");
        }
        assertThat(client.download(alice.token(), "malformed.txt").status()).isEqualTo(404);
    }

    @Test
    void listingsCarryTheSha256AsHex() {
        byte[] content = Contents.text("listed");
        client.uploadBinary(alice.token(), "listed.txt", content);
        Session bob = client.signUp("digest-grantee");
        client.share(alice.token(), "listed.txt", bob.username());

        JsonObject own = entry(client.list(alice.token()).jsonArray().getValuesAs(JsonObject.class));
        JsonObject shared = entry(client.list(bob.token()).jsonArray().getValuesAs(JsonObject.class));

        assertThat(shared.getString("sha256")).isEqualTo(hex(sha256(content)));
        if ("local".equals(FileshareServer.store())) {
            assertThat(own.getString("sha256")).isEqualTo(hex(sha256(content)));
        } else {
            // S3's listing carries no checksums: the caller's own files go without (docs/aws-store.md).
            assertThat(own.containsKey("sha256")).isFalse();
        }
    }

    @Test
    void versionListsAndOlderVersionsCarryTheirOwnDigests() {
        byte[] first = Contents.text("one");
        byte[] second = Contents.text("two!");
        client.uploadBinary(alice.token(), "versions.txt", first);
        client.uploadBinary(alice.token(), "versions.txt", second);

        List<JsonObject> versions =
                client.versions(alice.token(), null, "versions.txt").jsonArray().getValuesAs(JsonObject.class);

        assertThat(versions)
                .extracting(v -> v.getString("sha256"))
                .containsExactly(hex(sha256(second)), hex(sha256(first)));
        ApiResponse older = client.downloadVersion(
                alice.token(), null, "versions.txt", versions.get(1).getString("version"));
        assertThat(older.header("Repr-Digest")).contains(field(sha256(first)));
    }

    @Test
    void aPublicLinksDownloadCarriesTheReprDigest() {
        byte[] content = Contents.text("for anyone with the link");
        client.uploadBinary(alice.token(), "linked.txt", content);
        String url = client.createLink(alice.token(), "linked.txt").json().getString("url");

        ApiResponse download = FileshareClient.send(client.toLink(url).GET());

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Repr-Digest")).contains(field(sha256(content)));
    }

    @Test
    void aTusUploadWhoseReprDigestDoesNotMatchStoresNothingAndOneThatMatchesIsStored() {
        byte[] content = Contents.random(460, 50_000);
        client.uploadBinary(alice.token(), "resumable.bin", Contents.text("before"));
        String before =
                client.download(alice.token(), "resumable.bin").header("ETag").orElseThrow();

        URI wrong = createUpload("resumable.bin", content.length, field(sha256(Contents.text("other"))));
        ApiResponse first = patch(wrong, 0, java.util.Arrays.copyOf(content, 20_000));
        ApiResponse last = patch(wrong, 20_000, java.util.Arrays.copyOfRange(content, 20_000, content.length));

        assertThat(first.status()).isEqualTo(204);
        JsonObject problem = assertProblem(last, 460);
        assertThat(problem.getString("detail")).contains("nothing was stored");
        assertThat(client.download(alice.token(), "resumable.bin").header("ETag"))
                .contains(before);
        assertThat(FileshareClient.send(tus(wrong.getPath().substring(1)).method("HEAD", BodyPublishers.noBody()))
                        .status())
                .as("the upload is ended")
                .isEqualTo(404);

        URI right = createUpload("resumable.bin", content.length, field(sha256(content)));
        assertThat(patch(right, 0, content).status()).isEqualTo(204);
        ApiResponse stored = client.download(alice.token(), "resumable.bin");
        assertThat(stored.body()).isEqualTo(content);
        assertThat(stored.header("Repr-Digest")).contains(field(sha256(content)));
    }

    @Test
    void aTusChunksContentDigestIsCheckedAsUploadChecksumIs() {
        byte[] chunk = Contents.text("a chunk");
        URI upload = createUpload("chunked.txt", 2L * chunk.length, field(sha256(Contents.text("a chunka chunk"))));

        ApiResponse wrong = patch(upload, 0, chunk, "Content-Digest", field(sha256(Contents.text("another"))));
        ApiResponse both = patch(
                upload,
                0,
                chunk,
                "Content-Digest",
                field(sha256(chunk)),
                "Upload-Checksum",
                "sha256 " + b64(sha256(chunk)));
        ApiResponse right = patch(upload, 0, chunk, "Content-Digest", field(sha256(chunk)));

        assertProblem(wrong, 460);
        assertInvalid(both, "Content-Digest");
        assertThat(right.status()).isEqualTo(204);
        assertThat(right.header("Upload-Offset")).contains(String.valueOf(chunk.length));
    }

    private URI createUpload(String fileName, long length, String reprDigest) {
        ApiResponse created = FileshareClient.send(tus("uploads")
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", "filename " + b64(fileName.getBytes(StandardCharsets.UTF_8)))
                .header("Repr-Digest", reprDigest)
                .POST(BodyPublishers.noBody()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return URI.create(created.header("Location").orElseThrow());
    }

    private ApiResponse patch(URI upload, long offset, byte[] chunk, String... headers) {
        HttpRequest.Builder request = tus(upload.getPath().substring(1))
                .header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "application/offset+octet-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return FileshareClient.send(request.method("PATCH", BodyPublishers.ofByteArray(chunk)));
    }

    private HttpRequest.Builder tus(String path) {
        return client.request(path, alice.token()).header("Tus-Resumable", TUS);
    }

    private ApiResponse download(String fileName, String... headers) {
        HttpRequest.Builder request = client.request("file?file_name=" + fileName, alice.token());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return FileshareClient.send(request.GET());
    }

    private ApiResponse uploadJson(String fileName, byte[] content, String reprDigest) {
        JsonObject body = Json.createObjectBuilder()
                .add("file_name", fileName)
                .add("content", b64(content))
                .build();
        return FileshareClient.send(client.request("file", alice.token())
                .header("Content-Type", "application/json")
                .header("Repr-Digest", reprDigest)
                .PUT(BodyPublishers.ofString(body.toString())));
    }

    private static JsonObject entry(List<JsonObject> listing) {
        return listing.stream()
                .filter(e -> e.getString("file_name").equals("listed.txt"))
                .findFirst()
                .orElseThrow();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(byte[] sha256) {
        return "sha-256=:" + b64(sha256) + ":";
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
