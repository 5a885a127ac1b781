package dev.fileshare.store.memory;

import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.Reservation;
import dev.fileshare.core.port.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Login counters by key, each changed in one atomic {@link ConcurrentMap#compute}: the conditional upsert the SQLite
 * and DynamoDB stores do, with their times to the millisecond. Ended windows are not swept: nothing here outlives
 * its test.
 */
public final class MemoryLoginAttemptStore implements LoginAttemptStore {
    private record Counter(int attempts, Instant windowEnd) {}

    private final ConcurrentMap<ThrottleKey, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public Reservation reserve(ThrottleKey key, Instant now, Duration window, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit is at least 1");
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Instant newEnd = now.plus(window).truncatedTo(ChronoUnit.MILLIS);
        Reservation[] answer = new Reservation[1];
        counters.compute(key, (k, current) -> {
            if (current == null || !current.windowEnd().isAfter(at)) {
                answer[0] = new Reservation(true, 1, newEnd);
                return new Counter(1, newEnd);
            }
            if (current.attempts() < limit) {
                answer[0] = new Reservation(true, current.attempts() + 1, current.windowEnd());
                return new Counter(current.attempts() + 1, current.windowEnd());
            }
            answer[0] = new Reservation(false, current.attempts(), current.windowEnd());
            return current;
        });
        return answer[0];
    }

    @Override
    public void release(ThrottleKey key, Reservation granted) {
        counters.computeIfPresent(
                key,
                (k, current) -> current.windowEnd().equals(granted.windowEnd()) && current.attempts() > 0
                        ? new Counter(current.attempts() - 1, current.windowEnd())
                        : current);
    }

    @Override
    public void clear(ThrottleKey key) {
        counters.remove(key);
    }

    /** How many attempts {@code key}'s counter holds, ended or not (0 when there is none): what a test looks at. */
    public int attempts(ThrottleKey key) {
        Counter counter = counters.get(key);
        return counter == null ? 0 : counter.attempts();
    }
}
