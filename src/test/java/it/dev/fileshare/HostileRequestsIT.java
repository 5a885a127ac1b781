package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.ServerUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HTTP fuzzing: 10,000 generated malformed or hostile requests from a seeded generator (broken JSON, wrong
 * types, huge fields, odd names, bad Base64, bad headers and ranges, garbage dates and entity tags in conditional
 * headers, wrong methods). Not one may get a 5xx, none may leave a file open in the server, and the service must
 * answer correctly afterwards. Liberty's own /openapi and /health servlets are left out:
 * for a method the Servlet API does not know (PATCH) they answer 501, which this application cannot change.
 */
class HostileRequestsIT {
    private static final int REQUESTS = 10_000;
    private static final int THREADS = 8;
    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);

    private final String base = FileshareServer.baseUrl();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noGeneratedRequestGetsAServerError() throws Exception {
        String user = "fuzz" + Long.toHexString(System.nanoTime());
        send(HttpRequest.newBuilder(URI.create(base + "/register"))
                .POST(json("{\"username\":\"" + user + "\",\"password\":\"fuzzing-pass\"}")));
        String login = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .POST(json("{\"username\":\"" + user + "\",\"password\":\"fuzzing-pass\"}")))
                .body();
        String token = login.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        send(authorized(HttpRequest.newBuilder(URI.create(base + "/file")), token)
                .PUT(json("{\"file_name\":\"known.txt\",\"content\":\"aGVsbG8=\"}")));

        ServerUnderTest server = ServerUnderTest.find();
        int openFilesBefore = server.files();
        // The downloads go to another user's file with a token of its own, which no generated request can log out
        // or delete.
        String reader = user + "r";
        send(HttpRequest.newBuilder(URI.create(base + "/register"))
                .POST(json("{\"username\":\"" + reader + "\",\"password\":\"fuzzing-pass\"}")));
        String readerToken = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .POST(json("{\"username\":\"" + reader + "\",\"password\":\"fuzzing-pass\"}")))
                .body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        send(authorized(HttpRequest.newBuilder(URI.create(base + "/file")), readerToken)
                .PUT(json("{\"file_name\":\"known.txt\",\"content\":\"aGVsbG8sIHJlYWRlcg==\"}")));
        HostileRequests generator = new HostileRequests(new Random(SEED), token, user, readerToken);
        Map<String, String> serverErrors = new ConcurrentHashMap<>();
        Map<String, String> timedOut = new ConcurrentHashMap<>();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        List<HttpRequest> requests = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.next(base));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    for (int i = first; i < REQUESTS; i += THREADS) {
                        HttpRequest request = requests.get(i);
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            statuses.add(response.statusCode());
                            if (response.statusCode() >= 500) {
                                serverErrors.putIfAbsent(
                                        request.method() + " " + request.uri(),
                                        response.statusCode() + " " + response.body());
                            }
                        } catch (java.net.http.HttpTimeoutException e) {
                            timedOut.putIfAbsent(
                                    request.method() + " " + request.uri() + " "
                                            + request.headers().map(),
                                    e.toString());
                        } catch (java.io.IOException e) {
                            // The server may close a connection on a request it cannot parse; that is no 5xx.
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        sent.incrementAndGet();
                    }
                }));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES))
                    .as("fuzzing finished in time")
                    .isTrue();
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sent.get()).isEqualTo(REQUESTS);
        assertThat(serverErrors).as("requests answered with a 5xx").isEmpty();
        assertThat(timedOut).as("requests not answered within 30 s").isEmpty();
        assertThat(statuses)
                .as("the generator reached the rules, not only one refusal")
                .contains(200, 206, 304, 400, 401, 404, 405, 412);
        assertThat(server.files())
                .as("files the server holds open after the fuzzing (before: %s)", openFilesBefore)
                .isLessThan(openFilesBefore + 10);

        // Still answering correctly afterwards (with a new session: the fuzzing may well have logged out).
        String again = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .POST(json("{\"username\":\"" + user + "\",\"password\":\"fuzzing-pass\"}")))
                .body();
        String freshToken = again.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> upload = send(authorized(HttpRequest.newBuilder(URI.create(base + "/file")), freshToken)
                .PUT(json("{\"file_name\":\"after.txt\",\"content\":\"c3RpbGwgaGVyZQ==\"}")));
        assertThat(upload.statusCode()).isEqualTo(200);
        HttpResponse<String> after =
                send(authorized(HttpRequest.newBuilder(URI.create(base + "/file?file_name=after.txt")), freshToken)
                        .GET());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("still here");
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                .GET())
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return request.header("x-session-token", token);
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /** A seeded generator of requests that break the rules in many ways at once. */
    static final class HostileRequests {
        private static final String[] PATHS = {
            "/register",
            "/login",
            "/logout",
            "/file",
            "/files",
            "/share",
            "/shares",
            "/file/upload-url",
            "/file/download-url",
            "/transfer",
            "/nope",
            "/file/",
            "//file",
            "/FILE",
            "/file/..%2f..%2fetc%2fpasswd",
            "/%00",
            "/files/../register",
            // the web app's files, served ahead of the REST application
            "/",
            "/index.html",
            "/assets/app.js",
            "/assets/../index.html"
        };
        private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
        private static final String[] NAMES = {
            "known.txt",
            "",
            ".",
            "..",
            "../../etc/passwd",
            "a/b",
            "a\\b",
            "nul\u0000",
            "tab\t",
            "é".repeat(200),
            "x".repeat(300),
            "😀",
            "\uD800",
            "%2e%2e",
            "CON",
            "a b",
            "' OR 1=1 --",
            "<script>",
            "known.txt\n"
        };
        private static final String[] ENTITY_TAGS = {
            "*",
            "\"abc\"",
            "W/\"abc\"",
            "garbage",
            "\"a\", \"b\"",
            "",
            "W/",
            "\"unterminated",
            ",,,",
            "*, \"a\"",
            "W/\"\"",
            "\"" + "e".repeat(5000) + "\""
        };
        /** Valid HTTP-dates in the three forms RFC 9110 accepts, and garbage. */
        private static final String[] DATES = {
            "Tue, 24 Nov 2026 11:23:25 GMT",
            "Tuesday, 24-Nov-26 11:23:25 GMT",
            "Tue Nov 24 11:23:25 2026",
            "Thu, 01 Jan 1970 00:00:00 GMT",
            "x",
            "",
            "0",
            "-1",
            "99999999999999999999",
            "Tue, 32 Nov 2026 11:23:25 GMT",
            "Mon, 01 Jan 99999 00:00:00 GMT",
            "2026-11-24T11:23:25Z",
            "Tue, 24 Nov 2026 11:23:25 PST",
            "\"abc\"",
            "W/\"abc\""
        };

        private static final String[] CONTENT_TYPES = {
            "application/json", "application/octet-stream", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "garbage", ""
        };

        private final Random random;
        private final String token;
        private final String user;
        private final String readerToken;

        HostileRequests(Random random, String token, String user, String readerToken) {
            this.random = random;
            this.token = token;
            this.user = user;
            this.readerToken = readerToken;
        }

        HttpRequest next(String base) {
            // One in eight downloads a file that stays, so the download's conditional headers get their share.
            boolean download = random.nextInt(8) == 0;
            String method = download ? pick(new String[] {"GET", "HEAD"}) : pick(METHODS);
            String path = download ? "/file" : pick(PATHS);
            String query = download ? "?file_name=known.txt" : random.nextInt(3) == 0 ? "" : "?" + query();
            URI uri;
            try {
                uri = URI.create(base + path + query);
            } catch (IllegalArgumentException unencodable) {
                uri = URI.create(base + path);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            switch (download ? -1 : random.nextInt(5)) {
                case -1 -> request.header("x-session-token", readerToken);
                case 0 -> request.header("x-session-token", token);
                case 1 -> request.header("Authorization", "Bearer " + (random.nextBoolean() ? token : junk(50)));
                case 2 -> request.header("x-session-token", junk(random.nextInt(100)));
                case 3 ->
                    request.header(
                            "Authorization", pick(new String[] {"Basic abc", "Bearer", "bearer  " + token, "Token x"}));
                default -> {}
            }
            if (random.nextInt(4) == 0) {
                request.header("Range", pick(new String[] {
                    "bytes=0-1",
                    "bytes=5-",
                    "bytes=-3",
                    "bytes=9999999-",
                    "bytes=1-0",
                    "bytes=0-1,2-3",
                    "bytes=abc",
                    "items=1-2",
                    "bytes=-0",
                    "bytes=99999999999999999999999-"
                }));
            }
            if (random.nextInt(5) == 0) {
                request.header(random.nextBoolean() ? "If-Match" : "If-None-Match", pick(ENTITY_TAGS));
            }
            if (random.nextInt(3) == 0) {
                request.header(
                        pick(new String[] {"If-Modified-Since", "If-Unmodified-Since", "If-Range"}), pick(DATES));
            }
            if (random.nextInt(6) == 0) {
                request.header("If-Range", pick(ENTITY_TAGS));
            }
            if (random.nextInt(6) == 0) {
                request.header("Accept", pick(new String[] {
                    "text/plain", "application/json", "image/png", "*/*;q=abc", "text/plain, application/octet-stream"
                }));
            }
            String contentType = pick(CONTENT_TYPES);
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            byte[] body = body();
            String upper = method;
            if (upper.equals("GET") || upper.equals("DELETE") || upper.equals("HEAD") || upper.equals("OPTIONS")) {
                request.method(upper, HttpRequest.BodyPublishers.noBody());
            } else {
                request.method(upper, HttpRequest.BodyPublishers.ofByteArray(body));
            }
            return request.build();
        }

        private String query() {
            List<String> parts = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                String key =
                        pick(new String[] {"file_name", "username", "owner", "expires", "signature", "x", "file_name"});
                String value = random.nextInt(3) == 0 ? user : pick(NAMES);
                parts.add(key + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            return String.join("&", parts);
        }

        private byte[] body() {
            String name = pick(NAMES);
            String text = switch (random.nextInt(14)) {
                case 0 -> "{";
                case 1 -> "[]";
                case 2 -> "null";
                case 3 -> "{\"username\": 5, \"password\": [1]}";
                case 4 ->
                    "{\"username\":\"" + escape(name) + "\",\"password\":\"" + "p".repeat(random.nextInt(2000)) + "\"}";
                case 5 ->
                    "{\"file_name\":\"" + escape(name) + "\",\"content\":\""
                            + pick(new String[] {"aGVsbG8", "aGVsbG8=\n", "====", "AA=A", "!!!!", "aGVsbG8="}) + "\"}";
                case 6 -> "{\"file_name\":{\"nested\":true},\"content\":1e400}";
                case 7 -> "{\"file_name\":\"" + "x".repeat(100_000) + "\",\"content\":\"\"}";
                case 8 -> "{\"file_name\":\"known.txt\",\"username\":\"" + escape(name) + "\"}";
                case 9 ->
                    "{\"file_name\":\"a\",\"size\":"
                            + pick(new String[] {"-1", "1.5", "99999999999999999999999", "\"10\"", "1e3"}) + "}";
                case 10 -> "\u0000\u0001\u0002";
                case 11 ->
                    "{\"username\":\"\\ud800\",\"password\":\"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\"}";
                case 12 -> "";
                default -> junk(random.nextInt(300));
            };
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private String junk(int length) {
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                s.append((char) (0x21 + random.nextInt(0x5D)));
            }
            return s.toString();
        }

        private static String escape(String s) {
            return s.replace("\\", "\\\\")
                    .replace("\"", "\\\"")
                    .replace("\n", "\\n")
                    .replace("\t", "\\t")
                    .replace("\u0000", "\\u0000");
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }
    }
}
