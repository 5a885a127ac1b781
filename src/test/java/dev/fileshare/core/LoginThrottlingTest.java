package dev.fileshare.core;

import static dev.fileshare.core.AccountsFixture.MAX_FAILURES;
import static dev.fileshare.core.AccountsFixture.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.TooManyLoginFailuresException;
import dev.fileshare.core.model.Username;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After five failed logins in fifteen minutes a username is refused until that window ends; others are not. */
class LoginThrottlingTest {
    private final AccountsFixture fixture = new AccountsFixture();
    private final AccountService accounts = fixture.accounts;

    @BeforeEach
    void registerAliceAndBob() {
        accounts.register("alice", "password1");
        accounts.register("bob", "password1");
    }

    @Test
    void refusesEvenTheRightPasswordUntilTheWindowEnds() {
        failLogins("alice", MAX_FAILURES);

        assertThat(fixture.catchLogin("alice", "password1"))
                .isInstanceOfSatisfying(
                        TooManyLoginFailuresException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(WINDOW));
        assertThat(accounts.login("bob", "password1")).isNotNull();

        fixture.clock.advance(WINDOW);
        assertThat(accounts.login("alice", "password1")).isNotNull();
    }

    @Test
    void fourFailuresAreNotYetThrottled() {
        failLogins("alice", MAX_FAILURES - 1);

        assertThat(accounts.login("alice", "password1")).isNotNull();
    }

    @Test
    void retryAfterCountsDownInWholeSecondsRoundedUp() {
        failLogins("alice", MAX_FAILURES);

        fixture.clock.advance(Duration.ofMinutes(10).plusMillis(500));
        assertThat(retryAfter("alice")).isEqualTo(Duration.ofSeconds(300));
        fixture.clock.advance(Duration.ofMinutes(5).minusMillis(501));
        assertThat(retryAfter("alice")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSuccessfulLoginClearsTheFailures() {
        failLogins("alice", MAX_FAILURES - 1);
        accounts.login("alice", "password1");

        assertThat(fixture.store.loginFailures().find(new Username("alice"))).isEmpty();
        failLogins("alice", MAX_FAILURES - 1);
        assertThat(accounts.login("alice", "password1")).isNotNull();
    }

    @Test
    void throttlesUnknownUsernamesLikeKnownOnes() {
        failLogins("ghost", MAX_FAILURES);

        assertThat(fixture.catchLogin("ghost", "password1")).isInstanceOf(TooManyLoginFailuresException.class);
    }

    @Test
    void keepsNoCountForNamesThatCannotExist() {
        failLogins("not a name", MAX_FAILURES + 1);

        assertThat(fixture.catchLogin("not a name", "password1")).isInstanceOf(AuthenticationException.class);
    }

    private void failLogins(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(fixture.catchLogin(username, "wrong-password")).isInstanceOf(AuthenticationException.class);
        }
    }

    private Duration retryAfter(String username) {
        Throwable refused = fixture.catchLogin(username, "password1");
        assertThat(refused).isInstanceOf(TooManyLoginFailuresException.class);
        return ((TooManyLoginFailuresException) refused).retryAfter();
    }
}
