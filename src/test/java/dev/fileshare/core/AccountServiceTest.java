package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.LoginSession;
import dev.fileshare.core.model.TooManyLoginFailuresException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.UsernameTakenException;
import dev.fileshare.core.port.Stores;
import dev.fileshare.store.local.LocalStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration, login, sessions and throttling, on a real local store with a clock the test moves. */
class AccountServiceTest {
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private Stores store;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        store = LocalStore.open(dataDir, clock);
        SecureRandom random = new SecureRandom();
        PasswordHasher hasher = new PasswordHasher(new Argon2Settings(64, 1, 1), random);
        LoginThrottle throttle = new LoginThrottle(store.loginFailures(), 5, WINDOW, clock);
        accounts = new AccountService(store.users(), store.sessions(), hasher, throttle, LIFETIME, random, clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void registersOnceAndRefusesTheSameNameAgain() {
        assertThat(accounts.register("alice", "password1")).isEqualTo(new Username("alice"));

        assertThatThrownBy(() -> accounts.register("alice", "password2")).isInstanceOf(UsernameTakenException.class);
    }

    @Test
    void storesOnlyAHashOfThePassword() {
        accounts.register("alice", "plain-text-pw");

        String stored = store.users().find(new Username("alice")).orElseThrow().passwordHash();
        assertThat(stored).startsWith("$argon2id$").doesNotContain("plain-text-pw");
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> accounts.register("bad name", "short"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("username", "password"));
    }

    @Test
    void logsInWithTheRightPasswordAndTheTokenAuthenticates() {
        accounts.register("alice", "password1");

        LoginSession session = accounts.login("alice", "password1");

        assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(accounts.authenticate(session.token())).contains(new Username("alice"));
    }

    @Test
    void storesTheSessionUnderTheTokensHashNotTheToken() {
        accounts.register("alice", "password1");
        LoginSession session = accounts.login("alice", "password1");

        assertThat(store.sessions().find(session.token().value())).isEmpty();
        assertThat(store.sessions().find(session.token().hash())).isPresent();
    }

    @Test
    void givesTheSameAnswerForAnUnknownUserAndAWrongPassword() {
        accounts.register("alice", "password1");

        Throwable wrongPassword = catchLogin("alice", "password2");
        Throwable unknownUser = catchLogin("mallory", "password1");
        Throwable impossibleName = catchLogin("not a name", "password1");

        assertThat(wrongPassword).isInstanceOf(AuthenticationException.class);
        assertThat(unknownUser).isInstanceOf(AuthenticationException.class).hasMessage(wrongPassword.getMessage());
        assertThat(impossibleName).isInstanceOf(AuthenticationException.class).hasMessage(wrongPassword.getMessage());
    }

    @Test
    void expiresSessionsAfterTheirLifetime() {
        accounts.register("alice", "password1");
        LoginSession session = accounts.login("alice", "password1");

        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(accounts.authenticate(session.token())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.authenticate(session.token())).isEmpty();
    }

    @Test
    void logoutEndsOnlyThatSessionAndIsIdempotent() {
        accounts.register("alice", "password1");
        LoginSession first = accounts.login("alice", "password1");
        LoginSession second = accounts.login("alice", "password1");

        accounts.logout(first.token());
        accounts.logout(first.token());

        assertThat(accounts.authenticate(first.token())).isEmpty();
        assertThat(accounts.authenticate(second.token())).contains(new Username("alice"));
    }

    @Test
    void throttlesAUsernameAfterFiveFailuresUntilTheWindowEnds() {
        accounts.register("alice", "password1");
        accounts.register("bob", "password1");
        for (int i = 0; i < 5; i++) {
            assertThat(catchLogin("alice", "wrong-password")).isInstanceOf(AuthenticationException.class);
        }

        // Even the right password is refused while throttled, and Retry-After covers the rest of the window.
        assertThat(catchLogin("alice", "password1"))
                .isInstanceOfSatisfying(
                        TooManyLoginFailuresException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(WINDOW));
        // Other users are not locked out.
        assertThat(accounts.login("bob", "password1")).isNotNull();

        clock.advance(WINDOW);
        assertThat(accounts.login("alice", "password1")).isNotNull();
    }

    @Test
    void aSuccessfulLoginClearsTheFailures() {
        accounts.register("alice", "password1");
        for (int i = 0; i < 4; i++) {
            catchLogin("alice", "wrong-password");
        }
        accounts.login("alice", "password1");
        for (int i = 0; i < 4; i++) {
            catchLogin("alice", "wrong-password");
        }

        assertThat(accounts.login("alice", "password1")).isNotNull();
    }

    @Test
    void throttlesUnknownUsernamesLikeKnownOnes() {
        for (int i = 0; i < 5; i++) {
            catchLogin("ghost", "password1");
        }

        assertThat(catchLogin("ghost", "password1")).isInstanceOf(TooManyLoginFailuresException.class);
    }

    private Throwable catchLogin(String username, String password) {
        try {
            accounts.login(username, password);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
