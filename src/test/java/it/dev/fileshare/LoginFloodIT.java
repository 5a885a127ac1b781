package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.UniqueNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Password hashing is a bounded resource: a flood of concurrent logins gets answers (200, 401, or 503 with
 * Retry-After once every hashing slot and the queue are taken), never another 5xx and never a hang.
 */
class LoginFloodIT {
    private static final int LOGINS = 120;

    @Test
    void aFloodOfLoginsGets200Or401Or503WithRetryAfter() throws Exception {
        FileshareClient client = new FileshareClient().from(UniqueNames.address());
        String owner = UniqueNames.user("flood");
        client.register(owner, "flood-pass");
        // One connection per login, each from an address of its own, so that no throttle limit is reached first.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI login = FileshareServer.uri("login");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            String username = i % 10 == 0 ? owner : UniqueNames.user("nobody");
            String password = i % 20 == 0 ? "flood-pass" : "wrong-pass";
            answers.add(http.sendAsync(
                    HttpRequest.newBuilder(login)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", UniqueNames.address())
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);

        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isIn(200, 401, 503);
            if (response.statusCode() == 503) {
                busy++;
                assertThat(response.headers().firstValue("Retry-After"))
                        .hasValueSatisfying(
                                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
        // Whether any 503 comes depends on how many requests Liberty's executor lets reach the hasher at once;
        // the bound itself is shown by HashingSlotsTest. Here: a flood gets only these answers, none hangs.
        System.out.printf("LoginFloodIT: %d of %d logins answered 503 (hasher busy)%n", busy, answers.size());
        assertThat(client.login(owner, "flood-pass").status()).isEqualTo(200);
    }
}
