package dev.fileshare.store.memory;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ShareStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grants by (file, grantee), each with the file's entry as the grantee's listing shows it, as the DynamoDB store
 * keeps them: only {@link #refresh} brings that entry up to date, so a caller that forgets to refresh lists stale
 * entries here. Each grant changes atomically ({@link ConcurrentMap#compute}). A file's grantees come in reverse
 * order on purpose: the port promises no order, so a caller that relies on one fails here rather than by luck.
 */
public final class MemoryShareStore implements ShareStore {
    private record Grant(FileKey key, Username grantee) {}

    private static final Comparator<FileVersion> BY_KEY = (a, b) -> FileKey.ORDER.compare(a.key(), b.key());

    private final ConcurrentMap<Grant, FileVersion> grants = new ConcurrentHashMap<>();
    private final AtomicInteger sharedWithCalls = new AtomicInteger();

    @Override
    public void grant(FileVersion version, Username grantee) {
        grants.merge(new Grant(version.key(), grantee), version, MemoryShareStore::later);
    }

    /** A revoked share stays revoked; of two refreshes racing, the later write wins. */
    @Override
    public void refresh(FileVersion version) {
        for (Grant grant : grants.keySet()) {
            if (grant.key().equals(version.key())) {
                grants.computeIfPresent(grant, (g, listed) -> later(listed, version));
            }
        }
    }

    private static FileVersion later(FileVersion listed, FileVersion written) {
        return written.modified().isBefore(listed.modified()) ? listed : written;
    }

    @Override
    public boolean revoke(FileKey key, Username grantee) {
        return grants.remove(new Grant(key, grantee)) != null;
    }

    @Override
    public boolean isGranted(FileKey key, Username grantee) {
        return grants.containsKey(new Grant(key, grantee));
    }

    /** How many times {@link #sharedWith} was called: what a test of a listing's cost looks at. */
    public int sharedWithCalls() {
        return sharedWithCalls.get();
    }

    @Override
    public List<FileVersion> sharedWith(Username grantee, Optional<FileKey> after, int max) {
        sharedWithCalls.incrementAndGet();
        return grants.entrySet().stream()
                .filter(entry -> entry.getKey().grantee().equals(grantee))
                .map(entry -> entry.getValue())
                .filter(version -> after.isEmpty() || FileKey.ORDER.compare(version.key(), after.get()) > 0)
                .sorted(BY_KEY)
                .limit(max)
                .toList();
    }

    @Override
    public List<Username> grantees(FileKey key) {
        return grants.keySet().stream()
                .filter(grant -> grant.key().equals(key))
                .map(Grant::grantee)
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    @Override
    public void revokeAll(FileKey key) {
        grants.keySet().removeIf(grant -> grant.key().equals(key));
    }
}
