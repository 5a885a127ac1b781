package dev.fileshare.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counters of failed logins per username, kept in the store so that every server instance sees them. */
public interface LoginFailureStore {
    Optional<FailureWindow> find(String username);

    /**
     * Counts one failure atomically: in the current window if it began less than {@code window} before
     * {@code now}, else in a new window starting now. Returns the window after counting.
     */
    FailureWindow recordFailure(String username, Instant now, Duration window);

    void clear(String username);
}
