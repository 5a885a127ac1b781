package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.UsernameTakenException;
import dev.fileshare.core.port.UserAccount;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Registration: the name and password rules, one account per name, only a hash kept. */
class RegistrationTest {
    private final AccountsFixture fixture = new AccountsFixture();
    private final AccountService accounts = fixture.accounts;

    @Test
    void registersOnceAndRefusesTheSameNameAgain() {
        assertThat(accounts.register("alice", "password1")).isEqualTo(new Username("alice"));

        assertThatThrownBy(() -> accounts.register("alice", "password2"))
                .isInstanceOf(UsernameTakenException.class)
                .hasMessage("The username 'alice' is already taken.");
    }

    @Test
    void storesOnlyAHashOfThePasswordStampedInWholeSeconds() {
        accounts.register("alice", "plain-text-pw");

        UserAccount stored = fixture.users.find(new Username("alice")).orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$argon2id$").doesNotContain("plain-text-pw");
        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> accounts.register("bad name", "short"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("username", "password"));
        assertThatThrownBy(() -> accounts.register(null, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        new FieldError("username", "is required"),
                                        new FieldError("password", "is required")));
        assertThat(fixture.users.exists(new Username("bad-name"))).isFalse();
    }

    @Test
    void aValidNameWithABadPasswordRegistersNothing() {
        assertThatThrownBy(() -> accounts.register("alice", "short"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("password"));
        assertThat(fixture.users.exists(new Username("alice"))).isFalse();
    }
}
