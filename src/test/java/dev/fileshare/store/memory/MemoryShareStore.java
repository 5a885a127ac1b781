package dev.fileshare.store.memory;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ShareStore;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grants as a concurrent set of (file, grantee) pairs. Lists come in reverse order on purpose: the port promises
 * no order, so a caller that relies on one fails here rather than passing by luck.
 */
public final class MemoryShareStore implements ShareStore {
    private record Grant(FileKey key, Username grantee) {}

    private final Set<Grant> grants = ConcurrentHashMap.newKeySet();

    @Override
    public void grant(FileKey key, Username grantee) {
        grants.add(new Grant(key, grantee));
    }

    @Override
    public boolean revoke(FileKey key, Username grantee) {
        return grants.remove(new Grant(key, grantee));
    }

    @Override
    public boolean isGranted(FileKey key, Username grantee) {
        return grants.contains(new Grant(key, grantee));
    }

    @Override
    public List<FileKey> sharedWith(Username grantee) {
        return grants.stream()
                .filter(grant -> grant.grantee().equals(grantee))
                .map(Grant::key)
                .sorted(FileKey.ORDER.reversed())
                .toList();
    }

    @Override
    public List<Username> grantees(FileKey key) {
        return grants.stream()
                .filter(grant -> grant.key().equals(key))
                .map(Grant::grantee)
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    @Override
    public void revokeAll(FileKey key) {
        grants.removeIf(grant -> grant.key().equals(key));
    }
}
