package dev.fileshare.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Counters of login attempts, one per {@link ThrottleKey}, each in a fixed window that opens with its first
 * attempt. Kept in the store so that every server instance shares them; a counter whose window has ended counts as
 * empty and is dropped by the store on its own (SQLite sweeps them, DynamoDB expires them by TTL).
 *
 * <p>An attempt is reserved before the password is hashed, so parallel guesses are counted as they arrive; one that
 * turns out not to be a failure is given back ({@link #release}) or, on success, its pair's counter cleared.
 */
public interface LoginAttemptStore {
    /**
     * Counts one attempt under {@code key} if its window holds fewer than {@code limit} (at least 1), atomically:
     * of any number of concurrent calls against a counter at {@code c}, exactly {@code limit - c} are granted (or
     * all, when fewer). A window that ended at or before {@code now} is empty; the first attempt in an empty one
     * opens a window ending at {@code now + window}. A refused attempt is not counted.
     */
    Reservation reserve(ThrottleKey key, Instant now, Duration window, int limit);

    /**
     * Gives back one attempt that {@code granted} counted, if its window is still the current one (not ended,
     * cleared or replaced); never below zero.
     */
    void release(ThrottleKey key, Reservation granted);

    /** Forgets the counter of {@code key}. */
    void clear(ThrottleKey key);
}
