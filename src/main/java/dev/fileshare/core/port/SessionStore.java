package dev.fileshare.core.port;

import dev.fileshare.core.model.Username;
import java.util.Optional;

public interface SessionStore {
    void create(StoredSession session);

    /** The session stored under {@code tokenHash}, expired or not: the caller judges expiry. */
    Optional<StoredSession> find(String tokenHash);

    /** Removes the session; removing an unknown one is not an error. */
    void delete(String tokenHash);

    /** Removes every session of {@code username} but the one under {@code kept}, if given. */
    void deleteAllOf(Username username, Optional<String> kept);
}
