package it.dev.fileshare;

import static it.dev.fileshare.Problems.assertInvalid;
import static it.dev.fileshare.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * POST /file/upload-url and GET /file/download-url: URLs that work without a session, for the caller's files
 * and those shared with them. The tests follow the {@code url} and {@code method} as returned, so they pass in
 * either mode (the service's signed {@code /transfer} URLs, or S3 presigned URLs); the checks of altered and
 * expired URLs need the local mode's signer (S3Proxy checks no signatures).
 */
@MicroShedTest
class TransferUrlIT {
    private static final long FIVE_GIB = 5L * 1024 * 1024 * 1024;
    private final FileshareClient client = new FileshareClient();
    private Session alice;

    @BeforeEach
    void signUp() {
        alice = client.signUp("xfer-alice");
    }

    @Test
    void anUploadUrlTakesTheBytesWithoutASessionAndADownloadUrlGivesThemBack() {
        byte[] content = Contents.random(21, 123_457);
        Instant before = Instant.now().minusSeconds(1);
        ApiResponse issued = client.uploadUrl(alice.token(), "via-url.bin", (long) content.length);

        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        JsonObject upload = issued.json();
        assertThat(upload.getString("method")).isEqualTo("PUT");
        assertThat(URI.create(upload.getString("url")).isAbsolute()).isTrue();
        assertThat(upload.getString("url")).doesNotContain(alice.token());
        Instant expires = Instant.parse(upload.getString("expires_at"));
        assertThat(expires)
                .isAfter(before)
                .isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(1));

        ApiResponse put = FileshareClient.send(FileshareClient.follow(upload, BodyPublishers.ofByteArray(content)));
        assertThat(put.status()).as("%s", put).isBetween(200, 201);

        assertThat(client.download(alice.token(), "via-url.bin").body()).isEqualTo(content);
        JsonObject download = downloadLink(alice, alice.username(), "via-url.bin");
        assertThat(download.getString("method")).isEqualTo("GET");
        ApiResponse get = FileshareClient.send(FileshareClient.follow(download, BodyPublishers.noBody()));
        assertThat(get.status()).as("%s", get).isEqualTo(200);
        assertThat(get.body()).isEqualTo(content);
    }

    @Test
    void anUploadUrlReplacesAnExistingFile() {
        client.uploadBinary(alice.token(), "replace.bin", Contents.text("old"));
        JsonObject upload = client.uploadUrl(alice.token(), "replace.bin", 3L).json();

        ApiResponse put =
                FileshareClient.send(FileshareClient.follow(upload, BodyPublishers.ofByteArray(Contents.text("new"))));

        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(client.download(alice.token(), "replace.bin").body()).isEqualTo(Contents.text("new"));
    }

    @Test
    void streamsPastTheJsonLimitBothWays() {
        long size = 20L * Contents.MIB;
        JsonObject upload = client.uploadUrl(alice.token(), "twenty.bin", size).json();
        ApiResponse put = FileshareClient.send(
                FileshareClient.follow(upload, FileshareClient.streamOf(() -> Contents.stream(20, size), size)));
        assertThat(put.status()).as("%s", put).isBetween(200, 201);

        FileshareClient.Streamed get = FileshareClient.streamed(
                FileshareClient.follow(downloadLink(alice, alice.username(), "twenty.bin"), BodyPublishers.noBody()));

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.size()).isEqualTo(size);
        assertThat(get.sha256()).isEqualTo(digest(Contents.stream(20, size)));
    }

    @Test
    void aDownloadUrlServesARange() {
        byte[] content = Contents.random(22, 1000);
        client.uploadBinary(alice.token(), "ranged.bin", content);
        JsonObject download = downloadLink(alice, alice.username(), "ranged.bin");

        ApiResponse partial = FileshareClient.send(
                FileshareClient.follow(download, BodyPublishers.noBody()).header("Range", "bytes=100-199"));

        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.header("Content-Range")).contains("bytes 100-199/1000");
        assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
    }

    @Test
    void aGranteeGetsADownloadUrlForASharedFileOnly() {
        Session bob = client.signUp("xfer-bob");
        byte[] content = Contents.random(23, 5000);
        client.uploadBinary(alice.token(), "shared.bin", content);
        client.uploadBinary(alice.token(), "private.bin", Contents.text("not for bob"));

        assertProblem(client.downloadUrl(bob.token(), alice.username(), "shared.bin"), 404);
        client.share(alice.token(), "shared.bin", bob.username());
        ApiResponse issued = client.downloadUrl(bob.token(), alice.username(), "shared.bin");
        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        ApiResponse get = FileshareClient.send(FileshareClient.follow(issued.json(), BodyPublishers.noBody()));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(content);

        JsonObject notShared = assertProblem(client.downloadUrl(bob.token(), alice.username(), "private.bin"), 404);
        JsonObject missing = assertProblem(client.downloadUrl(bob.token(), alice.username(), "no-such.bin"), 404);
        assertThat(Problems.withoutNames(notShared, "private.bin"))
                .isEqualTo(Problems.withoutNames(missing, "no-such.bin"));
        assertProblem(client.downloadUrl(alice.token(), alice.username(), "no-such.bin"), 404);
    }

    @Test
    void issuingNeedsASessionAndAValidRequest() {
        assertProblem(client.uploadUrl(null, "x.bin", 1L), 401);
        assertProblem(client.downloadUrl(null, alice.username(), "x.bin"), 401);
        assertInvalid(client.uploadUrl(alice.token(), "../x.bin", 1L), "file_name");
        assertInvalid(client.uploadUrl(alice.token(), "x.bin", null), "size");
        assertInvalid(client.uploadUrl(alice.token(), "x.bin", -1L), "size");
        assertInvalid(
                FileshareClient.send(
                        client.request("file/download-url", alice.token()).GET()),
                "file_name");
    }

    @Test
    void anUploadUrlIsForAtMostFiveGib() {
        assertThat(client.uploadUrl(alice.token(), "huge.bin", FIVE_GIB).status())
                .isEqualTo(200);
        JsonObject problem = assertProblem(client.uploadUrl(alice.token(), "huge.bin", FIVE_GIB + 1), 413);
        assertThat(problem.getString("detail")).contains(Long.toString(FIVE_GIB + 1));
    }

    // --- bound to what they were issued for

    @Test
    void aDownloadUrlServesOnlyTheVersionItWasIssuedFor() {
        client.uploadBinary(alice.token(), "versioned.bin", Contents.text("first"));
        JsonObject download = downloadLink(alice, alice.username(), "versioned.bin");
        client.uploadBinary(alice.token(), "versioned.bin", Contents.text("second, longer"));

        ApiResponse get = get(download);

        if (isLocal()) {
            assertGone(get);
        } else {
            // S3: the URL names the object version it was issued for, which the versioned bucket keeps.
            assertThat(get.status()).as("%s", get).isEqualTo(200);
            assertThat(get.body()).isEqualTo(Contents.text("first"));
        }
    }

    @Test
    void aDownloadUrlOfADeletedFileNoLongerServesANewFileOfTheSameName() {
        client.uploadBinary(alice.token(), "deleted.bin", Contents.text("old"));
        JsonObject download = downloadLink(alice, alice.username(), "deleted.bin");
        assertThat(client.deleteFile(alice.token(), "deleted.bin").status()).isEqualTo(204);

        if (isLocal()) {
            assertGone(get(download));
        }
        client.uploadBinary(alice.token(), "deleted.bin", Contents.text("a new file"));
        ApiResponse get = get(download);
        if (isLocal()) {
            assertGone(get);
        } else {
            // Documented limit: a presigned GET of a version outlives the delete until it expires.
            assertThat(get.body()).isEqualTo(Contents.text("old"));
        }
    }

    @Test
    void aGranteesDownloadUrlNoLongerAppliesOnceTheShareIsRevoked() {
        FileshareServer.assumeLocalTransferUrls(); // a presigned S3 URL cannot check grants (docs/aws-store.md)
        Session bob = client.signUp("xfer-revoked");
        client.uploadBinary(alice.token(), "revoked.bin", Contents.text("for bob, for now"));
        client.share(alice.token(), "revoked.bin", bob.username());
        JsonObject bobs = downloadLink(bob, alice.username(), "revoked.bin");
        JsonObject alices = downloadLink(alice, alice.username(), "revoked.bin");
        assertThat(get(bobs).status()).isEqualTo(200);

        assertThat(client.revokeShare(alice.token(), "revoked.bin", bob.username())
                        .status())
                .isEqualTo(204);

        assertGone(get(bobs));
        assertThat(get(alices).body()).as("the owner's own URL").isEqualTo(Contents.text("for bob, for now"));
        // Shared again: a URL issued under the old grant stays bound to it only as long as a grant exists.
        client.share(alice.token(), "revoked.bin", bob.username());
        assertThat(get(bobs).status()).isEqualTo(200);
    }

    @Test
    void aDownloadUrlAsksForAnAttachmentOfBytes() {
        client.uploadBinary(alice.token(), "page.html", Contents.text("<script>alert(1)</script>"));

        ApiResponse get = get(downloadLink(alice, alice.username(), "page.html"));

        assertThat(get.status()).as("%s", get).isEqualTo(200);
        assertThat(get.mediaType()).isEqualTo("application/octet-stream");
        assertThat(get.header("Content-Disposition")).get().asString().startsWith("attachment;");
    }

    @Test
    void anUploadUrlTellsWhichHeadersToSend() {
        JsonObject upload = client.uploadUrl(alice.token(), "headers.bin", 3L).json();

        assertThat(upload.getJsonObject("headers").getString("content-type")).isEqualTo("application/octet-stream");
        // 201 from this service, 200 from S3.
        assertThat(FileshareClient.send(
                                FileshareClient.follow(upload, BodyPublishers.ofByteArray(Contents.text("abc"))))
                        .status())
                .isBetween(200, 201);
    }

    @Test
    void anUploadUrlTakesExactlyTheDeclaredSize() {
        // S3Proxy checks no signatures, so only the local mode can show the size held (S3 signs Content-Length).
        FileshareServer.assumeLocalTransferUrls();
        JsonObject upload = client.uploadUrl(alice.token(), "sized.bin", 10L).json();

        assertProblem(put(upload, new byte[11]), 413);
        assertProblem(
                FileshareClient.send(FileshareClient.follow(
                        upload, BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[11])))),
                413);
        assertInvalid(put(upload, new byte[9]), "Content-Length");
        assertInvalid(
                FileshareClient.send(FileshareClient.follow(
                        upload, BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[9])))),
                "body");
        assertProblem(client.download(alice.token(), "sized.bin"), 404);

        assertThat(put(upload, new byte[10]).status()).isEqualTo(201);
    }

    @Test
    void anUploadUrlHoldsTheUploadToItsCondition() {
        JsonObject createOnly = client.uploadUrl(alice.token(), "once.bin", 3L, "if_none_match", "*")
                .json();
        assertThat(put(createOnly, Contents.text("one")).status()).isBetween(200, 201);
        assertPreconditionFailed(put(createOnly, Contents.text("two")));
        assertThat(client.download(alice.token(), "once.bin").body()).isEqualTo(Contents.text("one"));

        String etag = client.download(alice.token(), "once.bin").header("ETag").orElseThrow();
        JsonObject ifMatch = client.uploadUrl(alice.token(), "once.bin", 3L, "if_match", etag)
                .json();
        client.uploadBinary(alice.token(), "once.bin", Contents.text("new"));
        assertPreconditionFailed(put(ifMatch, Contents.text("abc")));
        assertThat(client.download(alice.token(), "once.bin").body()).isEqualTo(Contents.text("new"));

        String current =
                client.download(alice.token(), "once.bin").header("ETag").orElseThrow();
        JsonObject matching = client.uploadUrl(alice.token(), "once.bin", 3L, "if_match", current)
                .json();
        assertThat(put(matching, Contents.text("xyz")).status()).isEqualTo(200);
    }

    @Test
    void anUploadUrlConditionMustBeValid() {
        assertInvalid(client.uploadUrl(alice.token(), "c.bin", 1L, "if_none_match", "\"abc\""), "if_none_match");
        assertInvalid(client.uploadUrl(alice.token(), "c.bin", 1L, "if_match", "abc"), "if_match");
        assertInvalid(
                client.uploadUrl(alice.token(), "c.bin", 1L, "if_match", "\"abc\"", "if_none_match", "*"), "if_match");
    }

    // --- the local mode's signed URLs

    @Test
    void anAlteredSignatureIsRefused() {
        FileshareServer.assumeLocalTransferUrls();
        JsonObject upload = client.uploadUrl(alice.token(), "tamper.bin", 4L).json();
        String signature = query(upload).get("signature");
        String altered = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

        assertForbidden(put(withParam(upload, "signature", altered), Contents.text("evil")));
        assertForbidden(put(withParam(upload, "signature", ""), Contents.text("evil")));
        assertProblem(client.download(alice.token(), "tamper.bin"), 404);
    }

    @Test
    void anotherOwnerOrFileNameIsRefused() {
        FileshareServer.assumeLocalTransferUrls();
        Session mallory = client.signUp("xfer-mallory");
        client.uploadBinary(alice.token(), "target.bin", Contents.text("alice's"));
        JsonObject upload = client.uploadUrl(mallory.token(), "target.bin", 11L).json();

        assertForbidden(put(withParam(upload, "owner", alice.username()), Contents.text("overwritten")));
        assertForbidden(put(withParam(upload, "file_name", "other.bin"), Contents.text("elsewhere")));
        assertThat(client.download(alice.token(), "target.bin").body()).isEqualTo(Contents.text("alice's"));
        assertProblem(client.download(mallory.token(), "other.bin"), 404);

        client.uploadBinary(mallory.token(), "mine.bin", Contents.text("mallory's"));
        JsonObject own = downloadLink(mallory, mallory.username(), "mine.bin");
        assertForbidden(get(withParam(own, "owner", alice.username())));
        assertForbidden(get(withParam(withParam(own, "owner", alice.username()), "file_name", "target.bin")));
    }

    @Test
    void aUrlIsForItsOneMethod() {
        FileshareServer.assumeLocalTransferUrls();
        client.uploadBinary(alice.token(), "method.bin", Contents.text("keep"));
        JsonObject download = downloadLink(alice, alice.username(), "method.bin");
        JsonObject asPut =
                Json.createObjectBuilder(download).add("method", "PUT").build();

        // Without an upload's size it is not even an upload URL; with one, its signature does not cover it.
        assertInvalid(put(asPut, Contents.text("overwritten")), "size");
        assertForbidden(put(withParam(asPut, "size", "11"), Contents.text("overwritten")));
        assertThat(client.download(alice.token(), "method.bin").body()).isEqualTo(Contents.text("keep"));
    }

    @Test
    void aMovedExpiryIsRefused() {
        FileshareServer.assumeLocalTransferUrls();
        client.uploadBinary(alice.token(), "expiry.bin", Contents.text("x"));
        JsonObject download = downloadLink(alice, alice.username(), "expiry.bin");
        long expires = Long.parseLong(query(download).get("expires"));

        // An expiry in the past: expired, and the signature no longer matches it either.
        assertForbidden(get(withParam(
                download,
                "expires",
                Long.toString(Instant.now().minusSeconds(60).getEpochSecond()))));
        // A later one cannot be bought by editing the URL.
        assertForbidden(get(withParam(download, "expires", Long.toString(expires + 86_400))));
        assertThat(get(download).status()).isEqualTo(200);
        assertInvalid(get(withParam(download, "expires", "soon")), "expires");
    }

    private JsonObject downloadLink(Session who, String owner, String name) {
        ApiResponse issued = client.downloadUrl(who.token(), owner, name);
        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        return issued.json();
    }

    private static ApiResponse put(JsonObject link, byte[] content) {
        return FileshareClient.send(FileshareClient.follow(link, BodyPublishers.ofByteArray(content)));
    }

    private static ApiResponse get(JsonObject link) {
        return FileshareClient.send(FileshareClient.follow(link, BodyPublishers.noBody()));
    }

    private static void assertForbidden(ApiResponse response) {
        assertProblem(response, 403);
    }

    private static void assertGone(ApiResponse response) {
        assertThat(assertProblem(response, 410).getString("detail")).contains("no longer applies");
    }

    /** 412: as problem+json from this service, as S3's own error document from S3 (aws mode). */
    private static void assertPreconditionFailed(ApiResponse response) {
        if (isLocal()) {
            assertProblem(response, 412);
        } else {
            assertThat(response.status()).as("%s", response).isEqualTo(412);
        }
    }

    private static boolean isLocal() {
        return "local".equals(FileshareServer.store());
    }

    private static Map<String, String> query(JsonObject link) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(link.getString("url")).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    /** The link with one query parameter of its URL set to {@code value}. */
    private static JsonObject withParam(JsonObject link, String name, String value) {
        Map<String, String> query = query(link);
        query.put(name, value);
        URI url = URI.create(link.getString("url"));
        String rawQuery = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + FileshareClient.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String changed = url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?" + rawQuery;
        return Json.createObjectBuilder(link).add("url", changed).build();
    }

    private static String digest(java.io.InputStream in) {
        try (in) {
            return Contents.digest(in).sha256();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
