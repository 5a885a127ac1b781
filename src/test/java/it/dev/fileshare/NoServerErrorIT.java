package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertNoInternals;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the answer is no 5xx, and an error is problem+json without internals. */
class NoServerErrorIT {
    private static final FileshareClient CLIENT = new FileshareClient();
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

    private static ApiResponse post(String path, String token, HttpRequest.BodyPublisher body) {
        return FileshareClient.send(CLIENT.request(path, token)
                .header("Content-Type", "application/json")
                .POST(body));
    }
}
