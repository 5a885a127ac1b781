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

    /**
     * Deletes the account and keeps its name from being registered again, for good (a tombstone): whatever may
     * still land under the name after the deletion (an upload through a URL issued before it) can never reach
     * a new user of it. {@link #find} no longer finds the account, and {@link #createIfAbsent} refuses the name.
     * Returns whether there was an account to delete.
     */
    boolean retire(Username username);

    default boolean exists(Username username) {
        return find(username).isPresent();
    }
}
