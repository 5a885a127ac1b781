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
        return Optional.ofNullable(users.get(username)).filter(account -> account.passwordHash() != null);
    }

    /** The account stays as its name's tombstone, without a password hash: the name stays taken. */
    @Override
    public boolean retire(Username username) {
        UserAccount[] before = {null};
        users.compute(username, (name, current) -> {
            before[0] = current;
            return new UserAccount(name, null, current == null ? java.time.Instant.EPOCH : current.createdAt());
        });
        return before[0] != null && before[0].passwordHash() != null;
    }

    @Override
    public boolean replacePasswordHash(Username username, String expectedHash, String newHash) {
        UserAccount current = users.get(username);
        return current != null
                && expectedHash.equals(current.passwordHash())
                && users.replace(username, current, new UserAccount(username, newHash, current.createdAt()));
    }
}
