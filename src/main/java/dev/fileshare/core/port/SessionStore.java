package dev.fileshare.core.port;

import java.util.Optional;

public interface SessionStore {
    void create(StoredSession session);

    /** The session stored under {@code tokenHash}, expired or not: the caller judges expiry. */
    Optional<StoredSession> find(String tokenHash);

    /** Removes the session; removing an unknown one is not an error. */
    void delete(String tokenHash);
}
