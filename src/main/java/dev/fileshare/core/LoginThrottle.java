package dev.fileshare.core;

import dev.fileshare.core.model.TooManyLoginFailuresException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LoginFailureStore;
import dev.fileshare.core.port.LoginFailures;
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

    /** @throws TooManyLoginFailuresException while the username is throttled */
    public void checkAllowed(Username username) {
        Optional<LoginFailures> current = store.find(username);
        if (current.isEmpty()) {
            return;
        }
        Duration left = remaining(current.get(), clock.instant());
        if (current.get().failures() >= maxFailures && !left.isNegative() && !left.isZero()) {
            throw new TooManyLoginFailuresException(roundUpToSeconds(left));
        }
    }

    public void recordFailure(Username username) {
        store.recordFailure(username, clock.instant(), window);
    }

    public void recordSuccess(Username username) {
        store.clear(username);
    }

    private Duration remaining(LoginFailures failures, Instant now) {
        return Duration.between(now, failures.start().plus(window));
    }

    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
