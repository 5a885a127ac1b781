package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.LoginSession;
import dev.fileshare.core.model.TooManyLoginFailuresException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.UsernameTakenException;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.core.port.UserStore;
import dev.fileshare.store.local.LocalStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration, login, sessions and throttling, on a real local store with a clock the test moves. */
class AccountServiceTest {
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final Duration WINDOW = Duration.ofMinutes(15);
    /** Small ceilings, so that reaching them takes few hashes. */
    private static final LoginThrottle.Limits LIMITS = new LoginThrottle.Limits(5, 12, 15, WINDOW);

    private static final ClientAddress HOME = new ClientAddress("198.51.100.1");
    private static final ClientAddress ATTACKER = new ClientAddress("203.0.113.66");

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private Stores store;
    private volatile boolean usersFail;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        store = LocalStore.open(dataDir, clock);
        SecureRandom random = new SecureRandom();
        PasswordHasher hasher = new PasswordHasher(new Argon2Settings(64, 1, 1), random);
        LoginThrottle throttle = new LoginThrottle(store.loginFailures(), LIMITS, clock);
        // The real user store, failing on demand as a store that went away would.
        UserStore users = new UserStore() {
            @Override
            public boolean createIfAbsent(UserAccount account) {
                return store.users().createIfAbsent(account);
            }

            @Override
            public Optional<UserAccount> find(Username username) {
                if (usersFail) {
                    throw new StoreException("the user store is unreachable", null);
                }
                return store.users().find(username);
            }
        };
        accounts = new AccountService(users, store.sessions(), hasher, throttle, LIFETIME, random, clock);
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

        LoginSession session = accounts.login("alice", "password1", HOME);

        assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(accounts.authenticate(session.token())).contains(new Username("alice"));
    }

    @Test
    void storesTheSessionUnderTheTokensHashNotTheToken() {
        accounts.register("alice", "password1");
        LoginSession session = accounts.login("alice", "password1", HOME);

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
        LoginSession session = accounts.login("alice", "password1", HOME);

        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(accounts.authenticate(session.token())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.authenticate(session.token())).isEmpty();
    }

    @Test
    void logoutEndsOnlyThatSessionAndIsIdempotent() {
        accounts.register("alice", "password1");
        LoginSession first = accounts.login("alice", "password1", HOME);
        LoginSession second = accounts.login("alice", "password1", HOME);

        accounts.logout(first.token());
        accounts.logout(first.token());

        assertThat(accounts.authenticate(first.token())).isEmpty();
        assertThat(accounts.authenticate(second.token())).contains(new Username("alice"));
    }

    @Test
    void throttlesAUsernameFromOneAddressAfterFiveFailuresUntilTheWindowEnds() {
        accounts.register("alice", "password1");
        accounts.register("bob", "password1");
        for (int i = 0; i < 5; i++) {
            assertThat(catchLogin("alice", "wrong-password", ATTACKER)).isInstanceOf(AuthenticationException.class);
        }

        // Even the right password is refused from there, and Retry-After covers the rest of the window.
        assertThat(catchLogin("alice", "password1", ATTACKER))
                .isInstanceOfSatisfying(
                        TooManyLoginFailuresException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(WINDOW));
        // The owner elsewhere, and other users from there, are not locked out.
        assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
        assertThat(accounts.login("bob", "password1", ATTACKER)).isNotNull();
        // The owner's success does not lift the attacker's lock.
        assertThat(catchLogin("alice", "password1", ATTACKER)).isInstanceOf(TooManyLoginFailuresException.class);

        clock.advance(WINDOW);
        assertThat(accounts.login("alice", "password1", ATTACKER)).isNotNull();
    }

    @Test
    void aSuccessfulLoginClearsTheFailuresFromItsAddress() {
        accounts.register("alice", "password1");
        for (int i = 0; i < 4; i++) {
            catchLogin("alice", "wrong-password", HOME);
        }
        accounts.login("alice", "password1", HOME);
        for (int i = 0; i < 4; i++) {
            catchLogin("alice", "wrong-password", HOME);
        }

        assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
    }

    @Test
    void aUsernameHasACeilingOverAllAddresses() {
        accounts.register("alice", "password1");
        for (int i = 0; i < LIMITS.perUsername(); i++) {
            ClientAddress bot = new ClientAddress("192.0.2." + (i / 4));
            assertThat(catchLogin("alice", "guess " + i, bot)).isInstanceOf(AuthenticationException.class);
        }

        assertThat(catchLogin("alice", "password1", new ClientAddress("192.0.2.200")))
                .isInstanceOfSatisfying(
                        TooManyLoginFailuresException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(WINDOW));
    }

    @Test
    void anAddressHasACeilingOverAllUsernamesIncludingImpossibleOnes() {
        accounts.register("alice", "password1");
        for (int i = 0; i < LIMITS.perAddress(); i++) {
            String name = i % 3 == 0 ? "not a name " + i : "ghost" + i;
            assertThat(catchLogin(name, "Summer2026!", ATTACKER)).isInstanceOf(AuthenticationException.class);
        }

        assertThat(catchLogin("alice", "password1", ATTACKER)).isInstanceOf(TooManyLoginFailuresException.class);
        assertThat(catchLogin("not a name", "password1", ATTACKER)).isInstanceOf(TooManyLoginFailuresException.class);
        assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
    }

    @Test
    void successfulLoginsDoNotCountTowardsTheCeilings() {
        accounts.register("alice", "password1");
        for (int i = 0; i < LIMITS.perAddress() + LIMITS.perUsername(); i++) {
            assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
        }
    }

    @Test
    void throttlesUnknownUsernamesLikeKnownOnes() {
        for (int i = 0; i < 5; i++) {
            catchLogin("ghost", "password1", ATTACKER);
        }

        assertThat(catchLogin("ghost", "password1", ATTACKER)).isInstanceOf(TooManyLoginFailuresException.class);
    }

    @Test
    void anAttemptTheStoreCutShortIsGivenBack() {
        accounts.register("alice", "password1");
        for (int i = 0; i < 4; i++) {
            catchLogin("alice", "wrong-password", ATTACKER);
        }
        usersFail = true;
        assertThat(catchLogin("alice", "password1", ATTACKER)).isInstanceOf(StoreException.class);
        usersFail = false;

        // Four failures counted before, none for the attempt cut short: one guess is left, then the lock.
        assertThat(catchLogin("alice", "wrong-password", ATTACKER)).isInstanceOf(AuthenticationException.class);
        assertThat(catchLogin("alice", "password1", ATTACKER)).isInstanceOf(TooManyLoginFailuresException.class);
    }

    private Throwable catchLogin(String username, String password) {
        return catchLogin(username, password, HOME);
    }

    private Throwable catchLogin(String username, String password, ClientAddress from) {
        try {
            accounts.login(username, password, from);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
