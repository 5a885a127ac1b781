package dev.fileshare.core;

import dev.fileshare.store.FailureWindow;
import dev.fileshare.store.LoginFailureStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** After {@code maxFailures} failed logins for one username within {@code window}, refuses its logins until the window ends. */
public final class LoginThrottle {
    private final LoginFailureStore store;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    public LoginThrottle(LoginFailureStore store, int maxFailures, Duration window, Clock clock) {
        this.store = store;
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** @throws TooManyLoginAttemptsException while the username is throttled */
    public void checkAllowed(String username) {
        Optional<FailureWindow> current = store.find(username);
        if (current.isEmpty()) {
            return;
        }
        Duration left = remaining(current.get(), clock.instant());
        if (current.get().failures() >= maxFailures && !left.isNegative() && !left.isZero()) {
            throw new TooManyLoginAttemptsException(roundUpToSeconds(left));
        }
    }

    public void recordFailure(String username) {
        store.recordFailure(username, clock.instant(), window);
    }

    public void recordSuccess(String username) {
        store.clear(username);
    }

    private Duration remaining(FailureWindow failures, Instant now) {
        return Duration.between(now, failures.start().plus(window));
    }

    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
