package dev.fileshare.store.memory;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.core.port.UserStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Users by name; {@link ConcurrentMap#putIfAbsent} makes registration atomic, as a conditional write does. */
public final class MemoryUserStore implements UserStore {
    private final ConcurrentMap<Username, UserAccount> users = new ConcurrentHashMap<>();

    @Override
    public boolean createIfAbsent(UserAccount account) {
        return users.putIfAbsent(account.username(), account) == null;
    }

    @Override
    public Optional<UserAccount> find(Username username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public boolean replacePasswordHash(Username username, String expectedHash, String newHash) {
        UserAccount current = users.get(username);
        return current != null
                && current.passwordHash().equals(expectedHash)
                && users.replace(username, current, new UserAccount(username, newHash, current.createdAt()));
    }
}
