package dev.fileshare.core.port;

import dev.fileshare.core.model.Username;
import java.util.Optional;

public interface UserStore {
    /** Stores {@code account} unless its username exists: atomic, so two racing registrations cannot both win. */
    boolean createIfAbsent(UserAccount account);

    Optional<UserAccount> find(Username username);

    /**
     * Replaces the user's password hash with {@code newHash} if it still is {@code expectedHash}: atomic, so of two
     * racing changes from the same password only one wins. False when the user is gone or the hash changed.
     */
    boolean replacePasswordHash(Username username, String expectedHash, String newHash);

    default boolean exists(Username username) {
        return find(username).isPresent();
    }
}
