package dev.fileshare.core;

import static dev.fileshare.core.AccountsFixture.ATTACKER;
import static dev.fileshare.core.AccountsFixture.HOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.LoginSession;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WrongPasswordException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging out everywhere and changing one's password: which sessions end, which stay, and what is refused. */
class AccountControlTest {
    private static final Username ALICE = new Username("alice");

    private final AccountsFixture fixture = new AccountsFixture();
    private final AccountService accounts = fixture.accounts;

    @BeforeEach
    void register() {
        accounts.register("alice", "password1");
        accounts.register("bob", "password2");
    }

    @Test
    void loggingOutEverywhereEndsEverySessionOfTheCallerAndNoOneElses() {
        LoginSession phone = accounts.login("alice", "password1", HOME);
        LoginSession laptop = accounts.login("alice", "password1", HOME);
        LoginSession bobs = accounts.login("bob", "password2", HOME);

        accounts.logoutEverywhere(ALICE);

        assertThat(accounts.authenticate(phone.token())).isEmpty();
        assertThat(accounts.authenticate(laptop.token())).isEmpty();
        assertThat(accounts.authenticate(bobs.token())).contains(new Username("bob"));
    }

    @Test
    void aNewPasswordEndsEveryOtherSessionKeepsThisOneAndReplacesTheOld() {
        LoginSession here = accounts.login("alice", "password1", HOME);
        LoginSession elsewhere = accounts.login("alice", "password1", HOME);

        accounts.changePassword(ALICE, here.token(), "password1", "new-password", HOME);

        assertThat(accounts.authenticate(here.token())).contains(ALICE);
        assertThat(accounts.authenticate(elsewhere.token())).isEmpty();
        assertThat(fixture.catchLogin("alice", "password1")).isInstanceOf(AuthenticationException.class);
        assertThat(fixture.catchLogin("alice", "new-password")).isNull();
        assertThat(fixture.users.find(ALICE).orElseThrow().passwordHash())
                .startsWith("$argon2id$")
                .doesNotContain("new-password");
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndCountsAsAFailedLogin() {
        LoginSession here = accounts.login("alice", "password1", HOME);
        LoginSession elsewhere = accounts.login("alice", "password1", HOME);
        String hash = fixture.users.find(ALICE).orElseThrow().passwordHash();

        for (int i = 0; i < AccountsFixture.LIMITS.perUsernameAndAddress(); i++) {
            assertThatThrownBy(() -> accounts.changePassword(ALICE, here.token(), "guess", "new-password", ATTACKER))
                    .isInstanceOf(WrongPasswordException.class);
        }

        assertThat(fixture.users.find(ALICE).orElseThrow().passwordHash()).isEqualTo(hash);
        assertThat(accounts.authenticate(here.token())).contains(ALICE);
        assertThat(accounts.authenticate(elsewhere.token())).contains(ALICE);
        assertThatThrownBy(() -> accounts.changePassword(ALICE, here.token(), "password1", "new-password", ATTACKER))
                .as("the right password, after the limit of wrong ones from this address")
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void theNewPasswordFollowsRegistrationsRulesAndBothAreRequired() {
        LoginSession here = accounts.login("alice", "password1", HOME);

        assertThatThrownBy(() -> accounts.changePassword(ALICE, here.token(), "password1", "short", HOME))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("new_password"));
        assertThatThrownBy(() -> accounts.changePassword(ALICE, here.token(), null, null, HOME))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("current_password", "new_password"));
        assertThat(fixture.catchLogin("alice", "password1")).isNull();
    }

    @Test
    void ofTwoChangesFromTheSamePasswordOnlyTheFirstWins() {
        LoginSession here = accounts.login("alice", "password1", HOME);
        String before = fixture.users.find(ALICE).orElseThrow().passwordHash();
        accounts.changePassword(ALICE, here.token(), "password1", "first-new", HOME);

        // The second request proved the old password before the first replaced it: the store refuses its write.
        assertThat(fixture.users.replacePasswordHash(ALICE, before, "$argon2id$second"))
                .isFalse();
        assertThat(fixture.catchLogin("alice", "first-new")).isNull();
    }
}
