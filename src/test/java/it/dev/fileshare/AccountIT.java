package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Account control: DELETE /sessions logs out everywhere; PUT /account/password changes the password and ends every
 * other session; GET /account tells what the caller stores.
 */
class AccountIT {
    private final FileshareClient client = new FileshareClient();

    private String secondSession(Session user) {
        return client.login(user.username(), user.password()).json().getString("token");
    }

    @Test
    void loggingOutEverywhereEndsEverySessionOfTheCallerOnly() {
        Session alice = client.signUp("everywhere");
        String laptop = secondSession(alice);
        Session bob = client.signUp("bystander");

        ApiResponse ended = client.logoutEverywhere(alice.token());

        assertThat(ended.status()).as("%s", ended).isEqualTo(204);
        assertThat(ended.body()).isEmpty();
        assertProblem(client.list(alice.token()), 401);
        assertProblem(client.list(laptop), 401);
        assertThat(client.list(bob.token()).status()).isEqualTo(200);
        assertThat(client.login(alice.username(), alice.password()).status()).isEqualTo(200);
        assertProblem(client.logoutEverywhere(alice.token()), 401);
        assertProblem(client.logoutEverywhere(null), 401);
    }

    @Test
    void aNewPasswordEndsEveryOtherSessionAndReplacesTheOldOne() {
        Session alice = client.signUp("newpass");
        String laptop = secondSession(alice);

        ApiResponse changed = client.changePassword(alice.token(), alice.password(), "a brand new password");

        assertThat(changed.status()).as("%s", changed).isEqualTo(204);
        assertThat(client.list(alice.token()).status()).as("this session stays").isEqualTo(200);
        assertProblem(client.list(laptop), 401);
        assertProblem(client.login(alice.username(), alice.password()), 401);
        assertThat(client.login(alice.username(), "a brand new password").status())
                .isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsForbiddenAndChangesNothing() {
        Session alice = client.signUp("wrongpass");
        String laptop = secondSession(alice);

        JsonObject problem =
                assertProblem(client.changePassword(alice.token(), "not my password", "whatever-new"), 403);

        assertThat(problem.getString("detail")).contains("current password");
        assertThat(client.list(alice.token()).status()).isEqualTo(200);
        assertThat(client.list(laptop).status()).isEqualTo(200);
        assertThat(client.login(alice.username(), alice.password()).status()).isEqualTo(200);
    }

    @Test
    void wrongCurrentPasswordsAreThrottledAsFailedLogins() {
        Session alice = client.signUp("guessed");
        FileshareClient thief = client.from(UniqueNames.address());
        // The servers under test allow 5 failures per username and address in a window.
        for (int i = 0; i < 5; i++) {
            assertProblem(thief.changePassword(alice.token(), "guess-" + i, "whatever-new"), 403);
        }

        ApiResponse refused = thief.changePassword(alice.token(), alice.password(), "whatever-new");

        assertProblem(refused, 429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(client.login(alice.username(), alice.password()).status())
                .as("the owner, elsewhere, is not locked out")
                .isEqualTo(200);
    }

    @Test
    void badRequestsAreClearProblems() {
        Session alice = client.signUp("badpass");

        assertInvalid(client.changePassword(alice.token(), alice.password(), "short"), "new_password");
        assertInvalid(client.changePassword(alice.token(), "{\"new_password\": \"long enough\"}"), "current_password");
        assertProblem(client.changePassword(alice.token(), "{not json"), 400);
        assertProblem(client.changePassword(alice.token(), "[]"), 400);
        assertProblem(client.changePassword(null, alice.password(), "long enough"), 401);
        assertThat(client.login(alice.username(), alice.password()).status()).isEqualTo(200);
    }

    @Test
    void theAccountTellsWhatTheCallerStores() {
        Session alice = client.signUp("usage");
        Session bob = client.signUp("sharer");
        Instant before = Instant.now().minus(Duration.ofMinutes(5));

        JsonObject fresh = client.account(alice.token()).json();
        assertThat(fresh.getString("username")).isEqualTo(alice.username());
        assertThat(Instant.parse(fresh.getString("created"))).isAfter(before);
        assertThat(fresh.getJsonNumber("used_bytes").longValue()).isZero();
        assertThat(fresh.getJsonNumber("files").longValue()).isZero();
        assertThat(fresh.isNull("quota_bytes")).isTrue();
        assertThat(fresh.isNull("quota_files")).isTrue();

        assertThat(client.upload(alice.token(), "a.txt", bytes("hello")).status())
                .isEqualTo(200);
        assertThat(client.upload(alice.token(), "b.txt", new byte[300]).status())
                .isEqualTo(200);
        // An overwrite counts its new size (and the old one while it is kept as an older version); a file shared
        // with the caller is not the caller's.
        assertThat(client.upload(alice.token(), "a.txt", bytes("hello, world")).status())
                .isEqualTo(200);
        assertThat(client.upload(bob.token(), "shared.txt", new byte[1000]).status())
                .isEqualTo(200);
        assertThat(client.share(bob.token(), "shared.txt", alice.username()).status())
                .isEqualTo(200);

        ApiResponse account = client.account(alice.token());
        assertThat(account.status()).as("%s", account).isEqualTo(200);
        assertThat(account.mediaType()).isEqualTo("application/json");
        assertThat(account.json().getJsonNumber("used_bytes").longValue()).isEqualTo(312 + 5);
        assertThat(account.json().getJsonNumber("files").longValue()).isEqualTo(2);

        assertThat(client.deleteFile(alice.token(), "b.txt").status()).isEqualTo(204);
        JsonObject afterDelete = client.account(alice.token()).json();
        assertThat(afterDelete.getJsonNumber("files").longValue()).isEqualTo(1);
        assertThat(afterDelete.getJsonNumber("used_bytes").longValue())
                .as("the trash counts")
                .isEqualTo(317);
        assertThat(client.purge(alice.token(), "b.txt").status()).isEqualTo(204);
        assertThat(client.account(alice.token())
                        .json()
                        .getJsonNumber("used_bytes")
                        .longValue())
                .isEqualTo(12 + 5);
        assertProblem(client.account(null), 401);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
