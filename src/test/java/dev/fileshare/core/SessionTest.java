package dev.fileshare.core;

import static dev.fileshare.core.AccountsFixture.HOME;
import static dev.fileshare.core.AccountsFixture.LIFETIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.LoginSession;
import dev.fileshare.core.model.SessionToken;
import dev.fileshare.core.model.Username;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who a token belongs to: until its session expires or logs out, and never after. */
class SessionTest {
    private final AccountsFixture fixture = new AccountsFixture();
    private final AccountService accounts = fixture.accounts;

    @BeforeEach
    void registerAlice() {
        accounts.register("alice", "password1");
    }

    @Test
    void aSessionEndsWhenItsLifetimeIsUpAndIsThenDropped() {
        LoginSession session = accounts.login("alice", "password1", HOME);

        // The expiry was cut to the whole second: 0.75 s less than the lifetime from the login.
        fixture.clock.advance(LIFETIME.minusMillis(751));
        assertThat(accounts.authenticate(session.token())).contains(new Username("alice"));
        fixture.clock.advance(Duration.ofMillis(1));
        assertThat(accounts.authenticate(session.token())).isEmpty();
        assertThat(fixture.sessions.find(session.token().hash())).isEmpty();
    }

    @Test
    void logoutEndsOnlyThatSessionAndIsIdempotent() {
        LoginSession first = accounts.login("alice", "password1", HOME);
        LoginSession second = accounts.login("alice", "password1", HOME);

        accounts.logout(first.token());
        accounts.logout(first.token());

        assertThat(accounts.authenticate(first.token())).isEmpty();
        assertThat(fixture.sessions.find(first.token().hash())).isEmpty();
        assertThat(accounts.authenticate(second.token())).contains(new Username("alice"));
    }

    @Test
    void aTokenThatWasNeverIssuedBelongsToNobody() {
        assertThat(accounts.authenticate(SessionToken.generate(new SecureRandom())))
                .isEmpty();
    }
}
