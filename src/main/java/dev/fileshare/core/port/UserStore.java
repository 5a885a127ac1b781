package dev.fileshare.core.port;

import dev.fileshare.core.model.Username;
import java.util.Optional;

public interface UserStore {
    /** Stores {@code account} unless its username exists: atomic, so two racing registrations cannot both win. */
    boolean createIfAbsent(UserAccount account);

    Optional<UserAccount> find(Username username);

    default boolean exists(Username username) {
        return find(username).isPresent();
    }
}
