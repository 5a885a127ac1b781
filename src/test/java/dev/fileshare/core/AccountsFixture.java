package dev.fileshare.core;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.port.Stores;
import dev.fileshare.store.memory.MemoryStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** An {@link AccountService} on the in-memory store, with a clock the test moves and cheap Argon2 by default. */
final class AccountsFixture {
    static final Duration LIFETIME = Duration.ofHours(24);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_FAILURES = 5;
    /** The rules under test do not depend on the cost: 64 KiB, one pass. */
    static final Argon2Settings CHEAP = new Argon2Settings(64, 1, 1);

    /** Not on a whole second, so that truncation shows. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00.750Z"));

    final Stores store = MemoryStore.open(clock);
    final AccountService accounts;

    AccountsFixture() {
        this(CHEAP, MAX_FAILURES);
    }

    AccountsFixture(Argon2Settings argon2, int maxFailures) {
        SecureRandom random = new SecureRandom();
        LoginThrottle throttle = new LoginThrottle(store.loginFailures(), maxFailures, WINDOW, clock);
        accounts = new AccountService(
                store.users(), store.sessions(), new PasswordHasher(argon2, random), throttle, LIFETIME, random, clock);
    }

    /** What a login threw, or null when it succeeded. */
    Throwable catchLogin(String username, String password) {
        try {
            accounts.login(username, password);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
