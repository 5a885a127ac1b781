package dev.fileshare.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.StoredSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sessions of a {@link SessionStore}, remembered for a short while, so that a request whose token was seen
 * within {@code freshFor} costs no store read.
 *
 * <p>How stale it can be, and where:
 *
 * <ul>
 *   <li>on this instance, never: a session ended through it (log out, log out everywhere, a new password, a deleted
 *       account, an expired session found) is forgotten when the store has deleted it, before the request that ended
 *       it answers, and a read that raced with the deletion is not remembered;
 *   <li>on another instance sharing the store (aws mode), at most {@code freshFor}: it remembers the session no
 *       longer than that after reading it, so a token ended elsewhere works there for at most that long;
 *   <li>expiry is exact everywhere: the remembered session carries its expiry time, which the caller judges.
 * </ul>
 *
 * Only sessions found are remembered: an unknown token costs a read each time, as without the cache.
 */
public final class CachedSessionStore implements SessionStore {
    private final SessionStore store;
    private final Cache<String, StoredSession> sessions;
    /** Counts the deletions made through this cache, so that a read that raced with one is not remembered. */
    private final AtomicLong deletions = new AtomicLong();

    /**
     * @param freshFor how long a session read from the store is used without reading it again; zero remembers none
     * @param maxSessions the most sessions remembered (the least used go first)
     */
    public CachedSessionStore(SessionStore store, Duration freshFor, long maxSessions, Clock clock) {
        this.store = store;
        this.sessions = Caffeine.newBuilder()
                .maximumSize(maxSessions)
                .expireAfterWrite(freshFor)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run) // evict on the calling thread: no background tasks in the server
                .build();
    }

    @Override
    public void create(StoredSession session) {
        store.create(session);
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        StoredSession remembered = sessions.getIfPresent(tokenHash);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        long before = deletions.get();
        Optional<StoredSession> found = store.find(tokenHash);
        if (found.isPresent() && deletions.get() == before) {
            sessions.put(tokenHash, found.get());
            // A deletion between the check and the put may have missed this entry: it forgets it here instead.
            if (deletions.get() != before) {
                sessions.invalidate(tokenHash);
            }
        }
        return found;
    }

    @Override
    public void delete(String tokenHash) {
        try {
            store.delete(tokenHash);
        } finally {
            forget(() -> sessions.invalidate(tokenHash));
        }
    }

    @Override
    public void deleteAllOf(Username username, Optional<String> kept) {
        try {
            store.deleteAllOf(username, kept);
        } finally {
            forget(() -> sessions.asMap()
                    .entrySet()
                    .removeIf(entry ->
                            entry.getValue().username().equals(username) && !kept.equals(Optional.of(entry.getKey()))));
        }
    }

    /** Counts a deletion before forgetting, so that a read in flight sees it and does not remember what it read. */
    private void forget(Runnable forgetting) {
        deletions.incrementAndGet();
        forgetting.run();
    }
}
