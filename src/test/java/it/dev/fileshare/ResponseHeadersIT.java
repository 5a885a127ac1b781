package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Headers every answer carries: no content sniffing anywhere (the API's answers, its errors, and Liberty's own
 * /openapi and /health); no storing of the answers that carry credentials; downloads private, with validators.
 */
class ResponseHeadersIT {
    private static final FileshareClient CLIENT = new FileshareClient();
    private static Session alice;

    @BeforeAll
    static void signUp() {
        alice = CLIENT.signUp("headers");
        assertThat(CLIENT.upload(alice.token(), "page.html", Contents.text("<script>alert(1)</script>"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void noAnswerMayBeSniffedForAnotherContentType() {
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        answers.put("register", CLIENT.register(UniqueNames.user("sniff"), "password-1"));
        answers.put("login 401", CLIENT.login(alice.username(), "wrong password"));
        answers.put("list", CLIENT.list(alice.token()));
        answers.put("download", CLIENT.download(alice.token(), "page.html"));
        answers.put("download as text", CLIENT.downloadBase64(alice.token(), alice.username(), "page.html"));
        answers.put("head", send(CLIENT.request("file?file_name=page.html", alice.token()), "HEAD"));
        answers.put("404 of a file", CLIENT.download(alice.token(), "missing.html"));
        answers.put("404 of a path", send(CLIENT.request("nowhere", null), "GET"));
        answers.put("405", send(CLIENT.request("register", null), "GET"));
        answers.put("401", CLIENT.list("not-a-token"));
        answers.put("/openapi", send(CLIENT.request("openapi", null), "GET"));
        answers.put("/openapi/ui/", send(CLIENT.request("openapi/ui/", null), "GET"));
        answers.put("/health", send(CLIENT.request("health", null), "GET"));
        answers.put("/health/ready", send(CLIENT.request("health/ready", null), "GET"));
        answers.put("/health/live", send(CLIENT.request("health/live", null), "GET"));
        answers.put("Liberty's 501", send(CLIENT.request("health", null), "PATCH"));

        assertThat(answers)
                .allSatisfy((what, answer) -> assertThat(answer.headers().allValues("X-Content-Type-Options"))
                        .as("%s: %s", what, answer)
                        .containsExactly("nosniff"));
    }

    @Test
    void answersThatCarryCredentialsAreNeverStored() {
        String username = UniqueNames.user("nostore");
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        answers.put("register", CLIENT.register(username, "password-1"));
        answers.put("register 409", CLIENT.register(username, "password-1"));
        answers.put("register 400", CLIENT.register("", "password-1"));
        answers.put("login", CLIENT.login(username, "password-1"));
        answers.put("login 401", CLIENT.login(username, "wrong password"));
        answers.put("logout", CLIENT.logout(answers.get("login").json().getString("token")));

        assertThat(answers)
                .allSatisfy((what, answer) -> assertThat(answer.header("Cache-Control"))
                        .as("%s: %s", what, answer)
                        .contains("no-store"));
    }

    @Test
    void downloadsStayPrivateAndKeepTheirValidators() {
        for (ApiResponse download : new ApiResponse[] {
            CLIENT.download(alice.token(), "page.html"),
            send(CLIENT.request("file?file_name=page.html", alice.token()), "HEAD")
        }) {
            assertThat(download.status()).as("%s", download).isEqualTo(200);
            assertThat(download.header("Cache-Control")).contains("private, no-cache");
            assertThat(download.header("ETag")).isPresent();
            assertThat(download.header("Last-Modified")).isPresent();
        }
    }

    private static ApiResponse send(HttpRequest.Builder request, String method) {
        return FileshareClient.send(request.method(method, BodyPublishers.noBody()));
    }
}
