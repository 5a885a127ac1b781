package dev.fileshare.core;

import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.Reservation;
import dev.fileshare.core.port.ThrottleKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Limits failed logins three ways within one window: per username and client address (so an attacker's guesses
 * lock out the attacker's address, not the owner elsewhere), per username over all addresses (against
 * distributed guessing) and per address over all usernames, unknown and impossible ones included (against
 * spraying). Each attempt is reserved in all its counters before the password is hashed, so parallel guesses
 * count one each; an attempt that turns out not to be a failure is given back. A public link's password is limited
 * the same way, the link standing in for the username.
 */
public final class LoginThrottle {

    /** How many failures each counter allows within {@code window}; each at least 1. */
    public record Limits(int perUsernameAndAddress, int perUsername, int perAddress, Duration window) {
        public static final Limits DEFAULTS = new Limits(5, 100, 100, Duration.ofMinutes(15));

        public Limits {
            if (perUsernameAndAddress < 1 || perUsername < 1 || perAddress < 1) {
                throw new IllegalArgumentException("login limits are at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the login window is positive");
            }
        }
    }

    /** The counters one login attempt holds a place in, until it is known how it went. */
    public static final class Attempt {
        private final List<Counted> counted;

        private Attempt(List<Counted> counted) {
            this.counted = List.copyOf(counted);
        }
    }

    /** A counter and its limit; a success clears the one of username and address, and gives back to the others. */
    private record Counter(ThrottleKey key, int limit, boolean clearedOnSuccess) {}

    private record Counted(Counter counter, Reservation reservation) {}

    private final LoginAttemptStore store;
    private final Limits limits;
    private final Clock clock;

    public LoginThrottle(LoginAttemptStore store, Limits limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Counts an attempt from {@code address} for {@code username} (empty for a name no user can have, which only
     * its address pays for). A failure needs nothing more: the attempt stays counted.
     *
     * @throws TooManyLoginAttemptsException when any counter is full; then none of them keeps the attempt
     */
    public Attempt reserve(Optional<Username> username, ClientAddress address) {
        // The address first: a sprayer at its ceiling is refused with one write.
        List<Counter> counters = new ArrayList<>(3);
        counters.add(new Counter(ThrottleKey.address(address), limits.perAddress(), false));
        username.ifPresent(name -> {
            counters.add(
                    new Counter(ThrottleKey.usernameAndAddress(name, address), limits.perUsernameAndAddress(), true));
            counters.add(new Counter(ThrottleKey.username(name), limits.perUsername(), false));
        });
        return reserve(counters, TooManyLoginAttemptsException.MESSAGE);
    }

    /**
     * Counts an attempt at the password of the public link {@code link} from {@code address}, with the limits of a
     * login: per link and address, per link, and per address, the last shared with logins (one budget of password
     * guesses per address, whatever they guess).
     *
     * @throws TooManyLoginAttemptsException when any counter is full; then none of them keeps the attempt
     */
    public Attempt reserveLinkPassword(LinkHandle link, ClientAddress address) {
        return reserve(
                List.of(
                        new Counter(ThrottleKey.address(address), limits.perAddress(), false),
                        new Counter(ThrottleKey.linkAndAddress(link, address), limits.perUsernameAndAddress(), true),
                        new Counter(ThrottleKey.link(link), limits.perUsername(), false)),
                TooManyLoginAttemptsException.LINK_MESSAGE);
    }

    private Attempt reserve(List<Counter> counters, String refusal) {
        Instant now = clock.instant();
        List<Counted> counted = new ArrayList<>(counters.size());
        for (Counter counter : counters) {
            Reservation reservation = store.reserve(counter.key(), now, limits.window(), counter.limit());
            if (!reservation.granted()) {
                releaseAll(counted);
                throw new TooManyLoginAttemptsException(refusal, retryAfter(reservation.windowEnd(), now));
            }
            counted.add(new Counted(counter, reservation));
        }
        return new Attempt(counted);
    }

    /**
     * The password was right: the username's failures from this address are forgotten, and the attempt is given
     * back to the ceilings, which count failures, not logins.
     */
    public void succeeded(Attempt attempt) {
        for (Counted c : attempt.counted) {
            if (c.counter().clearedOnSuccess()) {
                store.clear(c.counter().key());
            } else {
                store.release(c.counter().key(), c.reservation());
            }
        }
    }

    /** The attempt was not decided (the password was never checked): it is given back to every counter. */
    public void abandoned(Attempt attempt) {
        releaseAll(attempt.counted);
    }

    private void releaseAll(List<Counted> counted) {
        for (Counted c : counted) {
            store.release(c.counter().key(), c.reservation());
        }
    }

    private static Duration retryAfter(Instant windowEnd, Instant now) {
        Duration left = Duration.between(now, windowEnd);
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
