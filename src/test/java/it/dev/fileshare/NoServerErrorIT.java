package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertNoInternals;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.ServerUnderTest;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the answer is no 5xx, and an error is problem+json without internals. */
class NoServerErrorIT {
    private static final FileshareClient CLIENT = new FileshareClient();
    private static final String[] INVALID_DATES = {
        "x",
        "yesterday",
        "0",
        "-1",
        "99999999999999999999",
        "Tue, 32 Nov 2026 11:23:25 GMT",
        "Tue, 24 Nov 2026 25:61:61 GMT",
        "Mon, 01 Jan 99999 00:00:00 GMT",
        "2026-11-24T11:23:25Z",
        "Tue, 24 Nov 2026 11:23:25",
        "\"abc\""
    };
    private static final String[] MALFORMED_TAGS = {
        "garbage", "W/", "\"unterminated", "W/abc", ",,,", "\"a\" \"b\"", "*x"
    };
    private static Session user;

    @BeforeAll
    static void signUp() {
        user = CLIENT.signUp("hostile");
    }

    @Test
    void unknownPathIsAProblem404() {
        assertProblem(FileshareClient.send(CLIENT.request("api/register", null).GET()), 404);
    }

    @Test
    void wrongMethodIsAProblem405() {
        assertProblem(FileshareClient.send(CLIENT.request("register", null).GET()), 405);
        assertProblem(FileshareClient.send(CLIENT.request("files", user.token()).DELETE()), 405);
    }

    @Test
    void bodiesThatAreNotUtf8JsonAreRejected() {
        byte[] invalidUtf8 = {
            '{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        };
        assertProblem(post("register", null, BodyPublishers.ofByteArray(invalidUtf8)), 400);
        assertProblem(post("register", null, BodyPublishers.ofByteArray(Contents.random(3, 4096))), 400);
    }

    @Test
    void deeplyNestedJsonIsRejected() {
        String nested = "{\"username\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ApiResponse response = post("register", null, BodyPublishers.ofString(nested));
        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        assertNoInternals(response);
    }

    @Test
    void nullFieldsAreMissingFields() {
        assertProblem(post("login", null, BodyPublishers.ofString("{\"username\": null, \"password\": null}")), 400);
        assertProblem(
                post("share", user.token(), BodyPublishers.ofString("{\"file_name\": null, \"username\": null}")), 400);
    }

    @Test
    void hugeFieldsAreRejectedNotFatal() {
        String huge = "u".repeat(1_000_000);
        // Credentials bodies are a few KiB at most: a megabyte field is refused by its size, unread.
        assertProblem(CLIENT.register(huge, "password"), 413);
        assertProblem(CLIENT.login(huge, "password"), 413);
        assertProblem(CLIENT.login(UniqueNames.user("someone"), huge), 413);
        assertProblem(CLIENT.download(user.token(), "f".repeat(10_000)), 400);
    }

    @Test
    void oddQueryStringsAreRejectedNotFatal() {
        // (A malformed escape such as %ZZ cannot be sent: java.net.URI refuses it before it leaves.)
        for (String query : new String[] {
            "file_name=%00",
            "file_name=%C3%28",
            "file_name=a&file_name=b",
            "file_name=x&username=",
            "file_name=x&username=%2e%2e"
        }) {
            ApiResponse response = FileshareClient.send(
                    CLIENT.request("file?" + query, user.token()).GET());
            assertThat(response.status()).as("%s -> %s", query, response).isBetween(400, 499);
            assertNoInternals(response);
        }
    }

    @Test
    void jsonWithACharsetOtherThanUtf8IsStillAnAnswer() {
        ApiResponse response = FileshareClient.send(CLIENT.request("login", null)
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(BodyPublishers.ofString("{\"username\": \"x\", \"password\": \"y\"}")));
        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        assertNoInternals(response);
    }

    @Test
    void invalidDatesInConditionalHeadersAreIgnored() {
        byte[] content = Contents.random(11, 1000);
        assertThat(CLIENT.uploadBinary(user.token(), "dated.bin", content).status())
                .isEqualTo(201);
        // RFC 9110 section 13.1.3/13.1.4: an If-(Un)Modified-Since that is not a valid HTTP-date is ignored.
        for (String header : new String[] {"If-Modified-Since", "If-Unmodified-Since"}) {
            for (String date : INVALID_DATES) {
                ApiResponse response = get("dated.bin", header, date);
                assertThat(response.status())
                        .as("%s: %s -> %s", header, date, response)
                        .isEqualTo(200);
                assertThat(response.body()).isEqualTo(content);
            }
        }
        // Section 13.1.5: an If-Range that is neither a valid entity tag nor a valid date is a false condition, so
        // the Range is ignored and the whole file is sent.
        for (String validator : INVALID_DATES) {
            ApiResponse response = get("dated.bin", "Range", "bytes=0-9", "If-Range", validator);
            assertThat(response.status())
                    .as("If-Range: %s -> %s", validator, response)
                    .isEqualTo(200);
            assertThat(response.body()).isEqualTo(content);
        }
    }

    @Test
    void malformedEntityTagsMatchNothing() {
        byte[] content = Contents.random(12, 100);
        assertThat(CLIENT.uploadBinary(user.token(), "tagged.bin", content).status())
                .isEqualTo(201);
        for (String tags : MALFORMED_TAGS) {
            ApiResponse noneMatch = get("tagged.bin", "If-None-Match", tags);
            assertThat(noneMatch.status())
                    .as("If-None-Match: %s -> %s", tags, noneMatch)
                    .isEqualTo(200);
            assertThat(noneMatch.body()).isEqualTo(content);
            assertProblem(get("tagged.bin", "If-Match", tags), 412);
        }
    }

    @Test
    void noAnswerLeavesAFileOrConnectionOpen() {
        ServerUnderTest server = ServerUnderTest.find();
        byte[] content = Contents.random(13, 64 * 1024);
        ApiResponse created = CLIENT.uploadBinary(user.token(), "held.bin", content);
        assertThat(created.status()).isEqualTo(201);
        String etag = created.header("ETag").orElseThrow();
        // The local mode's transfer URLs lead to the server itself: a HEAD of one is a download too.
        JsonObject link =
                CLIENT.downloadUrl(user.token(), user.username(), "held.bin").json();
        boolean selfServed = "local".equals(FileshareServer.store());
        sendEachKindOfDownload(etag, link, selfServed);
        int before = server.all();

        Map<String, Integer> answered = new TreeMap<>();
        for (int i = 0; i < 60; i++) {
            answered = sendEachKindOfDownload(etag, link, selfServed);
        }

        // One request at a time over one kept-alive connection: what stays open beyond that was leaked.
        assertThat(server.all())
                .as("open files and sockets of the server after 420 downloads (before: %s)", before)
                .isLessThan(before + 20);
        Map<String, Integer> expected =
                new TreeMap<>(Map.of("GET", 200, "bad date", 200, "304", 304, "412", 412, "range", 206, "HEAD", 200));
        if (selfServed) {
            expected.put("HEAD of a transfer URL", 200);
        }
        assertThat(answered).isEqualTo(expected);
    }

    @Test
    void cleartextHttp2IsNotOffered() throws Exception {
        // A client asking to upgrade (h2c) stays on HTTP/1.1: Liberty's HTTP/2 streams were seen to stall server
        // threads under the fuzzing's concurrent requests.
        HttpClient http2 =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> answer = http2.send(
                HttpRequest.newBuilder(FileshareServer.uri("health/live")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    /** A full GET, a bad date, 304, 412, a range and HEADs: every way a download can be answered; their statuses. */
    private static Map<String, Integer> sendEachKindOfDownload(String etag, JsonObject link, boolean selfServed) {
        Map<String, Integer> answered = new TreeMap<>();
        if (selfServed) {
            answered.put(
                    "HEAD of a transfer URL",
                    FileshareClient.send(HttpRequest.newBuilder(URI.create(link.getString("url")))
                                    .method("HEAD", BodyPublishers.noBody()))
                            .status());
        }
        answered.put("GET", get("held.bin").status());
        answered.put("bad date", get("held.bin", "If-Modified-Since", "x").status());
        answered.put("304", get("held.bin", "If-None-Match", etag).status());
        answered.put("412", get("held.bin", "If-Match", "\"other\"").status());
        answered.put("range", get("held.bin", "Range", "bytes=0-0").status());
        answered.put(
                "HEAD",
                FileshareClient.send(CLIENT.request("file?file_name=held.bin", user.token())
                                .method("HEAD", BodyPublishers.noBody()))
                        .status());
        return answered;
    }

    private static ApiResponse get(String fileName, String... headers) {
        HttpRequest.Builder request =
                CLIENT.request("file?file_name=" + FileshareClient.encode(fileName), user.token());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return FileshareClient.send(request.GET());
    }

    private static ApiResponse post(String path, String token, HttpRequest.BodyPublisher body) {
        return FileshareClient.send(CLIENT.request(path, token)
                .header("Content-Type", "application/json")
                .POST(body));
    }
}
