package dev.fileshare.store.memory;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.StoredSession;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sessions by token hash. Expiry is kept to the millisecond, as the real stores keep it. */
public final class MemorySessionStore implements SessionStore {
    private final ConcurrentMap<String, StoredSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void create(StoredSession session) {
        sessions.put(
                session.tokenHash(),
                new StoredSession(
                        session.tokenHash(),
                        session.username(),
                        session.expiresAt().truncatedTo(ChronoUnit.MILLIS)));
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public void delete(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public void deleteAllOf(Username username, Optional<String> kept) {
        sessions.values()
                .removeIf(session -> session.username().equals(username)
                        && !kept.map(session.tokenHash()::equals).orElse(false));
    }
}
