package dev.fileshare.core;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.Reservation;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.ThrottleKey;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.core.port.UserStore;
import dev.fileshare.store.memory.MemoryLoginAttemptStore;
import dev.fileshare.store.memory.MemorySessionStore;
import dev.fileshare.store.memory.MemoryUserStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An {@link AccountService} on the in-memory stores, with a clock the test moves, cheap Argon2 and small login
 * limits by default, and a user store and login counters that fail on demand as stores that went away would.
 */
final class AccountsFixture {
    static final Duration LIFETIME = Duration.ofHours(24);
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Small ceilings, so that reaching them takes few hashes. */
    static final LoginThrottle.Limits LIMITS = new LoginThrottle.Limits(5, 12, 15, WINDOW);
    /** The rules under test do not depend on the cost: 64 KiB, one pass. */
    static final Argon2Settings CHEAP = new Argon2Settings(64, 1, 1);

    static final ClientAddress HOME = new ClientAddress("198.51.100.1");
    static final ClientAddress ATTACKER = new ClientAddress("203.0.113.66");

    /** Not on a whole second, so that truncation shows. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00.750Z"));

    final MemoryUserStore users = new MemoryUserStore();
    final MemorySessionStore sessions = new MemorySessionStore();
    final MemoryLoginAttemptStore loginAttempts = new MemoryLoginAttemptStore();
    /** While set, looking a user up fails with a {@link StoreException}. */
    volatile boolean usersFail;
    /** While set, giving a login attempt back fails with a {@link StoreException}. */
    volatile boolean releasesFail;

    final AccountService accounts;

    AccountsFixture() {
        this(CHEAP, LIMITS);
    }

    AccountsFixture(Argon2Settings argon2, LoginThrottle.Limits limits) {
        SecureRandom random = new SecureRandom();
        LoginAttemptStore countersFailingOnDemand = new LoginAttemptStore() {
            @Override
            public Reservation reserve(ThrottleKey key, Instant now, Duration window, int limit) {
                return loginAttempts.reserve(key, now, window, limit);
            }

            @Override
            public void release(ThrottleKey key, Reservation granted) {
                if (releasesFail) {
                    throw new StoreException("the login counters are unreachable", null);
                }
                loginAttempts.release(key, granted);
            }

            @Override
            public void clear(ThrottleKey key) {
                loginAttempts.clear(key);
            }
        };
        LoginThrottle throttle = new LoginThrottle(countersFailingOnDemand, limits, clock);
        UserStore failingOnDemand = new UserStore() {
            @Override
            public boolean createIfAbsent(UserAccount account) {
                return users.createIfAbsent(account);
            }

            @Override
            public Optional<UserAccount> find(Username username) {
                if (usersFail) {
                    throw new StoreException("the user store is unreachable", null);
                }
                return users.find(username);
            }

            @Override
            public boolean replacePasswordHash(Username username, String expectedHash, String newHash) {
                return users.replacePasswordHash(username, expectedHash, newHash);
            }

            @Override
            public boolean retire(Username username) {
                return users.retire(username);
            }
        };
        accounts = new AccountService(
                failingOnDemand, sessions, new PasswordHasher(argon2, random), throttle, LIFETIME, random, clock);
    }

    /** What a login from {@link #HOME} threw, or null when it succeeded. */
    Throwable catchLogin(String username, String password) {
        return catchLogin(username, password, HOME);
    }

    /** What a login from {@code from} threw, or null when it succeeded. */
    Throwable catchLogin(String username, String password, ClientAddress from) {
        try {
            accounts.login(username, password, from);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
