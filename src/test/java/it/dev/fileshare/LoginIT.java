package it.dev.fileshare;

import static it.dev.fileshare.Problems.assertInvalid;
import static it.dev.fileshare.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * POST /login: 200 {"token", "expires_at"}, 400 for a bad body, 401 alike for an unknown user and a wrong
 * password, 429 with Retry-After once a username has failed 5 times from one address (the IT server's
 * login.max-failures). Each test speaks from an address of its own (see {@link LoginThrottlingIT} for the rest).
 */
@MicroShedTest
class LoginIT {
    private static final int MAX_FAILURES = 5;
    private static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(24);
    private final FileshareClient client = new FileshareClient().from(UniqueNames.address());

    @Test
    void answersATokenAndItsExpiryInUtc() {
        String username = registered("login");
        Instant before = Instant.now();
        ApiResponse response = client.login(username, password(username));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        JsonObject body = response.json();
        assertThat(body.keySet()).containsExactlyInAnyOrder("token", "expires_at");
        // At least 128 random bits: the service issues 256 bits as 43 URL-safe Base64 characters.
        assertThat(body.getString("token")).matches("[A-Za-z0-9_-]{43}");
        OffsetDateTime expiresAt = OffsetDateTime.parse(body.getString("expires_at"));
        assertThat(expiresAt.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(expiresAt.toInstant())
                .isBetween(
                        before.plus(DEFAULT_SESSION_LIFETIME).minusSeconds(60),
                        Instant.now().plus(DEFAULT_SESSION_LIFETIME).plusSeconds(60));
    }

    @Test
    void everyLoginOpensAnotherSessionThatWorks() {
        String username = registered("many");
        String first = client.login(username, password(username)).json().getString("token");
        String second = client.login(username, password(username)).json().getString("token");
        assertThat(first).isNotEqualTo(second);
        assertThat(client.list(first).status()).isEqualTo(200);
        assertThat(client.list(second).status()).isEqualTo(200);
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        String username = registered("same");
        ApiResponse wrongPassword = client.login(username, "not the password");
        ApiResponse unknownUser = client.login(UniqueNames.user("nobody"), "not the password");

        JsonObject wrong = assertProblem(wrongPassword, 401);
        JsonObject unknown = assertProblem(unknownUser, 401);
        assertThat(unknown).isEqualTo(wrong);
        assertThat(wrong.getString("detail")).doesNotContain(username);
    }

    @Test
    void passwordIsCaseSensitive() {
        String username = registered("pwcase");
        assertProblem(client.login(username, password(username).toUpperCase()), 401);
    }

    @Test
    void tooManyFailuresAnswer429WithRetryAfterForThatUsernameAndAddressOnly() {
        String victim = registered("victim");
        String bystander = registered("bystander");
        for (int attempt = 1; attempt <= MAX_FAILURES; attempt++) {
            assertProblem(client.login(victim, "wrong password " + attempt), 401);
        }

        // Even the right password is refused while the username is throttled.
        ApiResponse throttled = client.login(victim, password(victim));
        assertProblem(throttled, 429);
        long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
        assertThat(retryAfter)
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(15).toSeconds());

        assertThat(client.login(bystander, password(bystander)).status()).isEqualTo(200);
        assertProblem(client.login(bystander, "wrong password"), 401);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String username = registered("reset");
        for (int attempt = 1; attempt < MAX_FAILURES; attempt++) {
            assertProblem(client.login(username, "wrong password"), 401);
        }
        assertThat(client.login(username, password(username)).status()).isEqualTo(200);
        for (int attempt = 1; attempt < MAX_FAILURES; attempt++) {
            assertProblem(client.login(username, "wrong password"), 401);
        }
        assertThat(client.login(username, password(username)).status()).isEqualTo(200);
    }

    @Test
    void missingFieldsAreRejected() {
        var onlyName = Json.createObjectBuilder()
                .add("username", UniqueNames.user("x"))
                .build();
        assertInvalid(postRaw(onlyName.toString()), "password");
        var onlyPassword =
                Json.createObjectBuilder().add("password", "a password").build();
        assertInvalid(postRaw(onlyPassword.toString()), "username");
    }

    @Test
    void malformedBodiesAreRejected() {
        assertProblem(postRaw(""), 400);
        assertProblem(postRaw("{\"username\": "), 400);
        assertProblem(postRaw("[\"user\", \"password\"]"), 400);
        var numbers = Json.createObjectBuilder()
                .add("username", "someone")
                .add("password", 12345678)
                .build();
        assertInvalid(postRaw(numbers.toString()), "password");
    }

    private String registered(String prefix) {
        String username = UniqueNames.user(prefix);
        assertThat(client.register(username, password(username)).status()).isEqualTo(200);
        return username;
    }

    private static String password(String username) {
        return "secret of " + username;
    }

    private ApiResponse postRaw(String body) {
        return FileshareClient.send(client.request("login", null)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }
}
