package dev.fileshare.core;

import static dev.fileshare.core.AccountsFixture.ATTACKER;
import static dev.fileshare.core.AccountsFixture.HOME;
import static dev.fileshare.core.AccountsFixture.LIMITS;
import static dev.fileshare.core.AccountsFixture.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.ThrottleKey;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login throttling as a client meets it: five failures for one username from one address lock that pair for the
 * window, a username and an address each have a ceiling over all the others, and only failures count.
 */
class LoginThrottlingTest {
    private final AccountsFixture fixture = new AccountsFixture();
    private final AccountService accounts = fixture.accounts;

    @BeforeEach
    void registerAliceAndBob() {
        accounts.register("alice", "password1");
        accounts.register("bob", "password1");
    }

    @Test
    void locksAUsernameFromOneAddressAfterFiveFailuresUntilTheWindowEnds() {
        failLogins("alice", LIMITS.perUsernameAndAddress(), ATTACKER);

        // Even the right password is refused from there, and Retry-After covers the rest of the window.
        assertThat(fixture.catchLogin("alice", "password1", ATTACKER))
                .isInstanceOfSatisfying(
                        TooManyLoginAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(WINDOW));
        // The owner elsewhere, and other users from there, are not locked out.
        assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
        assertThat(accounts.login("bob", "password1", ATTACKER)).isNotNull();
        // The owner's success does not lift the attacker's lock.
        assertThat(fixture.catchLogin("alice", "password1", ATTACKER))
                .isInstanceOf(TooManyLoginAttemptsException.class);

        fixture.clock.advance(WINDOW);
        assertThat(accounts.login("alice", "password1", ATTACKER)).isNotNull();
    }

    @Test
    void fourFailuresAreNotYetThrottled() {
        failLogins("alice", LIMITS.perUsernameAndAddress() - 1, HOME);

        assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
    }

    @Test
    void retryAfterCountsDownInWholeSecondsRoundedUp() {
        failLogins("alice", LIMITS.perUsernameAndAddress(), HOME);

        fixture.clock.advance(Duration.ofMinutes(10).plusMillis(500));
        assertThat(retryAfter("alice")).isEqualTo(Duration.ofSeconds(300));
        fixture.clock.advance(Duration.ofMillis(500));
        assertThat(retryAfter("alice")).isEqualTo(Duration.ofSeconds(299));
        fixture.clock.advance(Duration.ofSeconds(299).minusMillis(1));
        assertThat(retryAfter("alice")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSuccessfulLoginClearsTheFailuresFromItsAddress() {
        failLogins("alice", LIMITS.perUsernameAndAddress() - 1, HOME);
        accounts.login("alice", "password1", HOME);

        assertThat(fixture.loginAttempts.attempts(ThrottleKey.usernameAndAddress(new Username("alice"), HOME)))
                .isZero();
        failLogins("alice", LIMITS.perUsernameAndAddress() - 1, HOME);
        assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
    }

    @Test
    void aUsernameHasACeilingOverAllAddresses() {
        for (int i = 0; i < LIMITS.perUsername(); i++) {
            ClientAddress bot = new ClientAddress("192.0.2." + (i / 4));
            assertThat(fixture.catchLogin("alice", "guess " + i, bot)).isInstanceOf(AuthenticationException.class);
        }

        assertThat(fixture.catchLogin("alice", "password1", new ClientAddress("192.0.2.200")))
                .isInstanceOfSatisfying(
                        TooManyLoginAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(WINDOW));
        assertThat(accounts.login("bob", "password1", new ClientAddress("192.0.2.200")))
                .isNotNull();
    }

    @Test
    void anAddressHasACeilingOverAllUsernamesIncludingImpossibleOnes() {
        for (int i = 0; i < LIMITS.perAddress(); i++) {
            String name = i % 3 == 0 ? "not a name " + i : "ghost" + i;
            assertThat(fixture.catchLogin(name, "Summer2026!", ATTACKER)).isInstanceOf(AuthenticationException.class);
        }

        assertThat(fixture.catchLogin("alice", "password1", ATTACKER))
                .isInstanceOf(TooManyLoginAttemptsException.class);
        assertThat(fixture.catchLogin("not a name", "password1", ATTACKER))
                .isInstanceOf(TooManyLoginAttemptsException.class);
        assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
    }

    @Test
    void successfulLoginsDoNotCountTowardsTheCeilings() {
        for (int i = 0; i < LIMITS.perAddress() + LIMITS.perUsername(); i++) {
            assertThat(accounts.login("alice", "password1", HOME)).isNotNull();
        }
        assertThat(fixture.loginAttempts.attempts(ThrottleKey.address(HOME))).isZero();
        assertThat(fixture.loginAttempts.attempts(ThrottleKey.username(new Username("alice"))))
                .isZero();
    }

    @Test
    void throttlesUnknownUsernamesLikeKnownOnes() {
        failLogins("ghost", LIMITS.perUsernameAndAddress(), ATTACKER);

        assertThat(fixture.catchLogin("ghost", "password1", ATTACKER))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void aNameNoUserCanHaveIsCountedAgainstItsAddressOnly() {
        failLogins("not a name", LIMITS.perUsernameAndAddress() + 1, ATTACKER);

        assertThat(fixture.catchLogin("not a name", "password1", ATTACKER)).isInstanceOf(AuthenticationException.class);
        assertThat(fixture.loginAttempts.attempts(ThrottleKey.address(ATTACKER)))
                .isEqualTo(LIMITS.perUsernameAndAddress() + 2);
    }

    @Test
    void anAttemptTheStoreCutShortIsGivenBack() {
        failLogins("alice", LIMITS.perUsernameAndAddress() - 1, ATTACKER);
        fixture.usersFail = true;
        assertThat(fixture.catchLogin("alice", "password1", ATTACKER)).isInstanceOf(StoreException.class);
        fixture.usersFail = false;

        // Four failures counted before, none for the attempt cut short: one guess is left, then the lock.
        assertThat(fixture.catchLogin("alice", "wrong-password", ATTACKER)).isInstanceOf(AuthenticationException.class);
        assertThat(fixture.catchLogin("alice", "password1", ATTACKER))
                .isInstanceOf(TooManyLoginAttemptsException.class);
        assertThat(fixture.loginAttempts.attempts(ThrottleKey.address(ATTACKER)))
                .isEqualTo(LIMITS.perUsernameAndAddress());
    }

    @Test
    void anAttemptThatCannotBeGivenBackReportsWhatCutItShort() {
        fixture.usersFail = true;
        fixture.releasesFail = true;

        assertThat(fixture.catchLogin("alice", "password1", ATTACKER))
                .isInstanceOf(StoreException.class)
                .hasMessage("the user store is unreachable")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .extracting(Throwable::getMessage)
                        .isEqualTo("the login counters are unreachable"));
    }

    @Test
    void aLockedOutLoginDoesNotEvenLookTheUserUp() {
        failLogins("alice", LIMITS.perUsernameAndAddress(), ATTACKER);
        fixture.usersFail = true;

        assertThat(fixture.catchLogin("alice", "password1", ATTACKER))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    private void failLogins(String username, int times, ClientAddress from) {
        for (int i = 0; i < times; i++) {
            assertThat(fixture.catchLogin(username, "wrong-password", from))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    private Duration retryAfter(String username) {
        Throwable refused = fixture.catchLogin(username, "password1", HOME);
        assertThat(refused).isInstanceOf(TooManyLoginAttemptsException.class);
        return ((TooManyLoginAttemptsException) refused).retryAfter();
    }
}
