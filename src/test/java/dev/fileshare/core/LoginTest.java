package dev.fileshare.core;

import static dev.fileshare.core.AccountsFixture.HOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.LoginSession;
import dev.fileshare.core.model.Password;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ThrottleKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Login: a session for the right password, one answer for every wrong credential. */
class LoginTest {
    private final AccountsFixture fixture = new AccountsFixture();
    private final AccountService accounts = fixture.accounts;

    @Test
    void theRightPasswordOpensASessionForItsLifetimeInWholeSeconds() {
        accounts.register("alice", "password1");

        LoginSession session = accounts.login("alice", "password1", HOME);

        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(accounts.authenticate(session.token())).contains(new Username("alice"));
    }

    @Test
    void storesTheSessionUnderTheTokensHashNotTheToken() {
        accounts.register("alice", "password1");
        LoginSession session = accounts.login("alice", "password1", HOME);

        assertThat(fixture.sessions.find(session.token().value())).isEmpty();
        assertThat(fixture.sessions.find(session.token().hash())).hasValueSatisfying(stored -> {
            assertThat(stored.username()).isEqualTo(new Username("alice"));
            assertThat(stored.expiresAt()).isEqualTo(session.expiresAt());
        });
    }

    @Test
    void eachLoginIsANewSession() {
        accounts.register("alice", "password1");

        assertThat(accounts.login("alice", "password1", HOME).token())
                .isNotEqualTo(accounts.login("alice", "password1", HOME).token());
    }

    @Test
    void givesTheSameAnswerForAnUnknownUserAWrongPasswordAndAnImpossibleName() {
        accounts.register("alice", "password1");

        Throwable wrongPassword = fixture.catchLogin("alice", "password2");
        Throwable unknownUser = fixture.catchLogin("mallory", "password1");
        Throwable impossibleName = fixture.catchLogin("not a name", "password1");

        assertThat(wrongPassword).isInstanceOf(AuthenticationException.class);
        assertThat(unknownUser).isInstanceOf(AuthenticationException.class).hasMessage(wrongPassword.getMessage());
        assertThat(impossibleName).isInstanceOf(AuthenticationException.class).hasMessage(wrongPassword.getMessage());
    }

    @Test
    void aPasswordLongerThanAnyAccountCanHaveIsBadInputThatCountsNothing() {
        accounts.register("alice", "password1");

        assertThatThrownBy(() -> accounts.login("alice", "p".repeat(Password.MAX_LENGTH + 1), HOME))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("password"));
        assertThat(fixture.loginAttempts.attempts(ThrottleKey.address(HOME))).isZero();
        assertThat(fixture.catchLogin("alice", "p".repeat(Password.MAX_LENGTH)))
                .isInstanceOf(AuthenticationException.class);
        assertThat(fixture.loginAttempts.attempts(ThrottleKey.address(HOME))).isEqualTo(1);
    }

    @Test
    void namesEachMissingField() {
        assertThatThrownBy(() -> accounts.login(null, null, HOME))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        new FieldError("username", "is required"),
                                        new FieldError("password", "is required")));
        assertThatThrownBy(() -> accounts.login("alice", null, HOME))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("password", "is required")));
        assertThatThrownBy(() -> accounts.login(null, "password1", HOME))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("username", "is required")));
        // Refused as bad input before the throttle: the client's address pays nothing for it.
        assertThat(fixture.loginAttempts.attempts(ThrottleKey.address(HOME))).isZero();
    }
}
