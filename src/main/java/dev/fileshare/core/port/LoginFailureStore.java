package dev.fileshare.core.port;

import dev.fileshare.core.model.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counters of failed logins per username, kept in the store so that every server instance sees them. */
public interface LoginFailureStore {
    Optional<LoginFailures> find(Username username);

    /**
     * Counts one failure atomically: in the current window if it began less than {@code window} before
     * {@code now}, else in a new window starting now. Returns the window after counting.
     */
    LoginFailures recordFailure(Username username, Instant now, Duration window);

    void clear(Username username);
}
