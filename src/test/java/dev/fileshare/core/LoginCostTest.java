package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Argon2Settings;
import org.junit.jupiter.api.Test;

/**
 * A login for a user that does not exist costs one Argon2 verification, like a wrong password, so its time does
 * not tell which names are registered. With 1 MiB per hash the verification takes milliseconds, and a login that
 * skipped it would take microseconds; the fastest of a few tries of each keeps a busy machine out of the figures.
 */
class LoginCostTest {
    private static final int TRIES = 5;

    private final AccountsFixture fixture = new AccountsFixture(new Argon2Settings(1024, 1, 1), 1_000);

    @Test
    void anUnknownOrImpossibleNameCostsAsMuchAsAWrongPassword() {
        fixture.accounts.register("alice", "password1");
        long wrongPassword = Long.MAX_VALUE;
        long unknownUser = Long.MAX_VALUE;
        long impossibleName = Long.MAX_VALUE;
        for (int i = 0; i < TRIES; i++) {
            wrongPassword = Math.min(wrongPassword, nanosToLogin("alice", "password2"));
            unknownUser = Math.min(unknownUser, nanosToLogin("mallory", "password2"));
            impossibleName = Math.min(impossibleName, nanosToLogin("not a name", "password2"));
        }

        assertThat(unknownUser).isGreaterThan(wrongPassword / 4);
        assertThat(impossibleName).isGreaterThan(wrongPassword / 4);
    }

    private long nanosToLogin(String username, String password) {
        long start = System.nanoTime();
        assertThat(fixture.catchLogin(username, password)).isNotNull();
        return System.nanoTime() - start;
    }
}
