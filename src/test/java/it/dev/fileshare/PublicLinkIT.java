package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Public links end to end: made by the owner, read by anyone with the URL, limited, logged and revoked. */
class PublicLinkIT {
    /** The server logs an access and counts a download once the body is out: a client may be faster. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final FileshareClient client = new FileshareClient();
    private Session alice;
    private byte[] content;

    @BeforeEach
    void uploadAFile() {
        alice = client.signUp("linker");
        content = Contents.random(17, 300_000);
        assertThat(client.uploadBinary(alice.token(), "report.pdf", content).status())
                .isEqualTo(201);
    }

    private JsonObject createLink(Object... fields) {
        ApiResponse created = client.createLink(alice.token(), "report.pdf", fields);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    private static ApiResponse get(FileshareClient from, String url, String... headers) {
        return FileshareClient.send(from.toLink(url, headers).GET());
    }

    private static ApiResponse head(FileshareClient from, String url, String... headers) {
        return FileshareClient.send(from.toLink(url, headers).method("HEAD", BodyPublishers.noBody()));
    }

    /** A HEAD answer has a problem's status and headers, but no body. */
    private static void assertHeadRefused(ApiResponse response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.body()).isEmpty();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyoneWithTheUrlDownloadsTheFileAsGetFileAnswersIt() {
        JsonObject link = createLink();
        String url = link.getString("url");

        assertThat(url).startsWith(FileshareServer.baseUri() + "l/").endsWith("/l/" + link.getString("id"));
        assertThat(link.getString("id")).matches("[A-Za-z0-9_-]{24}");
        assertThat(link.getString("handle")).matches("[0-9a-f]{16}");
        assertThat(link.getString("file_name")).isEqualTo("report.pdf");
        assertThat(Instant.parse(link.getString("expires_at")))
                .isEqualTo(Instant.parse(link.getString("created")).plus(Duration.ofDays(7)));
        assertThat(link.isNull("max_downloads")).isTrue();
        assertThat(link.getInt("downloads")).isZero();
        assertThat(link.getBoolean("has_password")).isFalse();

        ApiResponse download = get(client, url);
        ApiResponse owners = client.download(alice.token(), "report.pdf");
        assertThat(download.status()).as("%s", download).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.mediaType()).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment; filename=\"report.pdf\""));
        assertThat(download.header("ETag")).isPresent().isEqualTo(owners.header("ETag"));
        assertThat(download.header("Last-Modified")).isEqualTo(owners.header("Last-Modified"));
        assertThat(download.header("Accept-Ranges")).contains("bytes");
    }

    @Test
    void theLocationIsTheLinksUrl() {
        ApiResponse created = client.createLink(alice.token(), "report.pdf");

        assertThat(created.header("Location")).contains(created.json().getString("url"));
    }

    @Test
    void rangesConditionsAndHeadWorkAsOnGetFile() {
        String url = createLink().getString("url");
        String etag = get(client, url, "Range", "bytes=0-0").header("ETag").orElseThrow();

        ApiResponse part = get(client, url, "Range", "bytes=100-199");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).contains("bytes 100-199/" + content.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 100, 200));
        assertProblem(get(client, url, "Range", "bytes=" + content.length + "-"), 416);

        ApiResponse unchanged = get(client, url, "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        ApiResponse head = head(client, url);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).contains(Integer.toString(content.length));
        assertThat(head.header("ETag")).contains(etag);
        assertThat(head.header("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment; filename=\"report.pdf\""));
        assertThat(head(client, url, "If-None-Match", etag).status()).isEqualTo(304);
    }

    @Test
    void aPasswordIsAskedForUntilItComesAsBasicCredentials() {
        JsonObject link = createLink("password", "secret");
        String url = link.getString("url");
        assertThat(link.getBoolean("has_password")).isTrue();
        FileshareClient visitor = client.from(UniqueNames.address());

        ApiResponse asked = get(visitor, url);
        assertProblem(asked, 401);
        assertThat(asked.header("WWW-Authenticate")).contains("Basic realm=\"fileshare link\"");
        ApiResponse wrong = get(visitor, url, "Authorization", basic(":guess"));
        assertProblem(wrong, 401);
        assertThat(wrong.header("WWW-Authenticate")).contains("Basic realm=\"fileshare link\"");
        assertHeadRefused(head(visitor, url), 401);

        // curl -u :secret; the user name is ignored.
        ApiResponse right = get(visitor, url, "Authorization", basic(":secret"));
        assertThat(right.status()).as("%s", right).isEqualTo(200);
        assertThat(right.body()).isEqualTo(content);
        assertThat(get(visitor, url, "Authorization", basic("anyone:secret")).status())
                .isEqualTo(200);
        assertThat(head(visitor, url, "Authorization", basic(":secret")).status())
                .isEqualTo(200);
    }

    @Test
    void wrongPasswordsAreThrottledPerLinkAndAddress() {
        String url = createLink("password", "secret").getString("url");
        FileshareClient guesser = client.from(UniqueNames.address());
        // The servers under test allow 5 failures per (link, address) in a window.
        for (int i = 0; i < 5; i++) {
            assertProblem(get(guesser, url, "Authorization", basic(":guess-" + i)), 401);
        }

        ApiResponse refused = get(guesser, url, "Authorization", basic(":secret"));
        assertProblem(refused, 429);
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        // Someone else, from elsewhere, is not locked out by the guesser.
        assertThat(get(client.from(UniqueNames.address()), url, "Authorization", basic(":secret"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredLinkIsGone() throws InterruptedException {
        JsonObject link = createLink("expires_in", 1L);
        Instant expires = Instant.parse(link.getString("expires_at"));
        assertThat(expires).isEqualTo(Instant.parse(link.getString("created")).plusSeconds(1));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 1100);

        ApiResponse gone = get(client, link.getString("url"));
        assertProblem(gone, 410);
        assertThat(gone.json().getString("detail")).contains("expired");
        assertHeadRefused(head(client, link.getString("url")), 410);
        // The owner still sees it, and its log.
        assertThat(client.listLinks(alice.token(), "report.pdf").jsonArray()).hasSize(1);
    }

    @Test
    void aLinkServesItsDownloadsThenIsGoneAndOnlyWholeBodiesCount() {
        JsonObject link = createLink("max_downloads", 2L);
        String url = link.getString("url");
        assertThat(link.getInt("max_downloads")).isEqualTo(2);

        assertThat(get(client, url, "Range", "bytes=0-99").status())
                .as("a range short of the end")
                .isEqualTo(206);
        assertThat(head(client, url).status()).isEqualTo(200);
        assertThat(get(client, url).body()).isEqualTo(content);
        // The rest of a resumed download ends the file: it counts.
        assertThat(get(client, url, "Range", "bytes=1000-").status()).isEqualTo(206);

        ApiResponse gone = get(client, url);
        assertProblem(gone, 410);
        assertThat(gone.json().getString("detail")).contains("used up");
        assertHeadRefused(head(client, url), 410);
        assertThat(awaitLink(link.getString("handle"), l -> l.getInt("downloads") == 2)
                        .getInt("downloads"))
                .isEqualTo(2);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aDownloadThatBreaksOffDoesNotCount() throws Exception {
        // Larger than the socket buffers between client and server, so the server notices the client leaving.
        int size = 24 * Contents.MIB;
        assertThat(client.uploadBinary(alice.token(), "huge.bin", () -> Contents.stream(29, size), size)
                        .status())
                .isEqualTo(201);
        JsonObject link = client.createLink(alice.token(), "huge.bin", "max_downloads", 1L)
                .json();
        String url = link.getString("url");

        HttpResponse<InputStream> started =
                HttpClient.newHttpClient().send(client.toLink(url).GET().build(), BodyHandlers.ofInputStream());
        assertThat(started.statusCode()).isEqualTo(200);
        try (InputStream body = started.body()) {
            assertThat(body.readNBytes(64 * 1024)).hasSize(64 * 1024);
        }

        // Once the server has seen the download break off, the one download is available again.
        List<JsonObject> log = awaitAccesses(link.getString("handle"), 1);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).getInt("status")).isEqualTo(200);
        assertThat(log.get(0).getJsonNumber("bytes").longValue()).isLessThan(size);
        FileshareClient.Streamed whole =
                FileshareClient.streamed(client.toLink(url).GET());
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.sha256())
                .isEqualTo(Contents.digest(Contents.stream(29, size)).sha256());
        assertThat(awaitLink(link.getString("handle"), l -> l.getInt("downloads") == 1)
                        .getInt("downloads"))
                .isEqualTo(1);
        assertProblem(get(client, url), 410);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void ofTenParallelDownloadsOfALinkWithThreeExactlyThreeSucceed() throws Exception {
        byte[] big = Contents.random(23, 4 * Contents.MIB);
        assertThat(client.uploadBinary(alice.token(), "big.bin", big).status()).isEqualTo(201);
        ApiResponse created = client.createLink(alice.token(), "big.bin", "max_downloads", 3L);
        String url = created.json().getString("url");

        int parallel = 10;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> downloads = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Callable<ApiResponse> download = () -> {
                    start.await();
                    return get(client, url);
                };
                downloads.add(pool.submit(download));
            }
            start.countDown();
            int whole = 0;
            for (Future<ApiResponse> download : downloads) {
                ApiResponse response = download.get(90, TimeUnit.SECONDS);
                if (response.status() == 200) {
                    assertThat(response.body()).isEqualTo(big);
                    whole++;
                } else {
                    assertProblem(response, 410);
                }
            }
            assertThat(whole).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(awaitLink(created.json().getString("handle"), l -> l.getInt("downloads") == 3)
                        .getInt("downloads"))
                .isEqualTo(3);
        assertProblem(get(client, url), 410);
    }

    @Test
    void aRevokedLinkIsNotFound() {
        JsonObject byHandle = createLink();
        JsonObject byId = createLink();
        assertThat(client.listLinks(alice.token(), null).jsonArray()).hasSize(2);

        assertThat(client.deleteLink(alice.token(), byHandle.getString("handle"))
                        .status())
                .isEqualTo(204);
        assertThat(client.deleteLink(alice.token(), byId.getString("id")).status())
                .isEqualTo(204);

        assertProblem(get(client, byHandle.getString("url")), 404);
        assertProblem(get(client, byId.getString("url")), 404);
        assertHeadRefused(head(client, byId.getString("url")), 404);
        assertProblem(client.deleteLink(alice.token(), byHandle.getString("handle")), 404);
        assertThat(client.listLinks(alice.token(), null).jsonArray()).isEmpty();
    }

    @Test
    void deletingTheFileRevokesItsLinks() {
        JsonObject link = createLink();
        assertThat(client.deleteFile(alice.token(), "report.pdf").status()).isEqualTo(204);

        assertProblem(get(client, link.getString("url")), 404);
        // A new file of the same name is not what the link was made for.
        assertThat(client.uploadBinary(alice.token(), "report.pdf", Contents.text("new"))
                        .status())
                .isEqualTo(201);
        assertProblem(get(client, link.getString("url")), 404);
        assertThat(client.listLinks(alice.token(), null).jsonArray()).isEmpty();
    }

    @Test
    void theAccessLogShowsEachRequestNewestFirstWithTheClientsNetworkOnly() {
        JsonObject link = createLink("password", "secret");
        String url = link.getString("url");
        String handle = link.getString("handle");
        FileshareClient v4 = client.from("203.0.113.77");
        FileshareClient v6 = client.from("2001:db8:1234:5678::9");

        get(v4, url, "User-Agent", "PublicLinkIT/1.0");
        get(v4, url, "User-Agent", "PublicLinkIT/1.0", "Authorization", basic(":secret"));
        head(v6, url, "User-Agent", "PublicLinkIT/2.0", "Authorization", basic(":secret"));

        List<JsonObject> log = awaitAccesses(handle, 3);
        assertThat(log).extracting(a -> a.getInt("status")).containsExactly(200, 200, 401);
        assertThat(log)
                .extracting(a -> a.getString("address"))
                .containsExactly("2001:db8:1234::/48", "203.0.113.0/24", "203.0.113.0/24");
        assertThat(log)
                .extracting(a -> a.getString("user_agent"))
                .containsExactly("PublicLinkIT/2.0", "PublicLinkIT/1.0", "PublicLinkIT/1.0");
        assertThat(log)
                .extracting(a -> a.getJsonNumber("bytes").longValue())
                .containsExactly(0L, (long) content.length, 0L);
        assertThat(log)
                .allSatisfy(a -> assertThat(Instant.parse(a.getString("at")))
                        .isBetween(
                                Instant.parse(link.getString("created")),
                                Instant.now().plusSeconds(5)));
        assertThat(log.toString()).doesNotContain("203.0.113.77", "5678");
        // The id works as well as the handle; nobody else reads the log.
        assertThat(client.linkAccesses(alice.token(), link.getString("id")).jsonArray())
                .hasSize(3);
        Session bob = client.signUp("snoop");
        assertProblem(client.linkAccesses(bob.token(), handle), 404);
        assertProblem(client.deleteLink(bob.token(), handle), 404);
    }

    @Test
    void onlyTheOwnerMakesLinksToAFileAndListsThem() {
        Session bob = client.signUp("grantee");
        assertThat(client.share(alice.token(), "report.pdf", bob.username()).status())
                .isEqualTo(200);

        assertProblem(client.createLink(bob.token(), "report.pdf"), 404);
        assertProblem(client.createLink(alice.token(), "missing.pdf"), 404);
        createLink();
        assertThat(client.listLinks(bob.token(), null).jsonArray()).isEmpty();
        assertThat(client.listLinks(alice.token(), "report.pdf").jsonArray()).hasSize(1);
        assertThat(client.listLinks(alice.token(), "other.pdf").jsonArray()).isEmpty();
        JsonObject listed = client.listLinks(alice.token(), null).jsonArray().getJsonObject(0);
        assertThat(listed.containsKey("id")).as("the id is never shown again").isFalse();
        assertThat(listed.containsKey("url")).isFalse();
        assertThat(listed.getString("handle")).matches("[0-9a-f]{16}");
    }

    @Test
    void badRequestsAreClearProblems() {
        assertInvalid(client.createLink(alice.token(), "report.pdf", "expires_in", 0L), "expires_in");
        assertInvalid(
                client.createLink(
                        alice.token(),
                        "report.pdf",
                        "expires_in",
                        Duration.ofDays(366).toSeconds()),
                "expires_in");
        assertInvalid(client.createLink(alice.token(), "report.pdf", "max_downloads", 0L), "max_downloads");
        assertInvalid(client.createLink(alice.token(), "report.pdf", "password", ""), "password");
        assertInvalid(client.createLink(alice.token(), "report.pdf", "max_downloads", "three"), "max_downloads");
        assertInvalid(client.createLink(alice.token(), "a/b"), "file_name");
        assertInvalid(client.listLinks(alice.token(), ".."), "file_name");
        assertProblem(client.createLink(null, "report.pdf"), 401);
        assertProblem(client.listLinks(null, null), 401);
        assertProblem(client.deleteLink(alice.token(), "not-a-link"), 404);
        assertProblem(
                get(client, FileshareServer.uri("l/AAAAAAAAAAAAAAAAAAAAAAAA").toString()), 404);
        assertHeadRefused(head(client, FileshareServer.uri("l/short").toString()), 404);
    }

    /** The caller's link {@code handle} once {@code settled} holds of it (the server counts after sending). */
    private JsonObject awaitLink(String handle, Predicate<JsonObject> settled) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            JsonObject link = client.listLinks(alice.token(), null).jsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(l -> l.getString("handle").equals(handle))
                    .findFirst()
                    .orElseThrow();
            if (settled.test(link) || System.nanoTime() > deadline) {
                return link;
            }
            sleep();
        }
    }

    /** The access log of {@code handle} once it holds {@code count} entries (or the time is up). */
    private List<JsonObject> awaitAccesses(String handle, int count) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            ApiResponse log = client.linkAccesses(alice.token(), handle);
            assertThat(log.status()).as("%s", log).isEqualTo(200);
            List<JsonObject> entries = log.jsonArray().getValuesAs(JsonObject.class);
            if (entries.size() >= count || System.nanoTime() > deadline) {
                return entries;
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
