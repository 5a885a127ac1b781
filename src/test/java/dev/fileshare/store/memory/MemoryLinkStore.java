package dev.fileshare.store.memory;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LinkAccess;
import dev.fileshare.core.port.LinkStore;
import dev.fileshare.core.port.StoredLink;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Links by handle, each with its access log; every change is one atomic {@link ConcurrentMap#compute} on the link,
 * the conditional update the SQLite and DynamoDB stores do, so concurrent claims cannot pass the limit. Times are kept
 * to the millisecond, as the real stores keep them. Ended links are not swept: nothing here outlives its test.
 */
public final class MemoryLinkStore implements LinkStore {
    /** A link and its log, newest access last. */
    private record Entry(StoredLink link, List<LinkAccess> log) {
        Entry with(StoredLink changed) {
            return new Entry(changed, log);
        }
    }

    private final ConcurrentMap<LinkHandle, Entry> links = new ConcurrentHashMap<>();

    @Override
    public boolean create(StoredLink link) {
        StoredLink stored = new StoredLink(
                link.handle(),
                link.idHash(),
                link.file(),
                millis(link.created()),
                millis(link.expiresAt()),
                millis(link.purgeAt()),
                link.maxDownloads(),
                link.claimed(),
                link.downloads(),
                link.passwordHash());
        return links.putIfAbsent(link.handle(), new Entry(stored, List.of())) == null;
    }

    @Override
    public Optional<StoredLink> find(LinkHandle handle) {
        return Optional.ofNullable(links.get(handle)).map(Entry::link);
    }

    @Override
    public List<StoredLink> ownedBy(Username owner, Optional<FileName> file) {
        return links.values().stream()
                .map(Entry::link)
                .filter(link -> link.file().owner().equals(owner))
                .filter(link -> file.map(link.file().fileName()::equals).orElse(true))
                .toList();
    }

    @Override
    public boolean delete(LinkHandle handle, Username owner) {
        boolean[] deleted = new boolean[1];
        links.computeIfPresent(handle, (h, entry) -> {
            deleted[0] = entry.link().file().owner().equals(owner);
            return deleted[0] ? null : entry;
        });
        return deleted[0];
    }

    @Override
    public void deleteAll(FileKey file) {
        links.values().removeIf(entry -> entry.link().file().equals(file));
    }

    @Override
    public boolean claimDownload(LinkHandle handle) {
        boolean[] granted = new boolean[1];
        links.computeIfPresent(handle, (h, entry) -> {
            StoredLink link = entry.link();
            granted[0] = link.maxDownloads().isEmpty()
                    || link.claimed() < link.maxDownloads().getAsLong();
            return granted[0] ? entry.with(counted(link, link.claimed() + 1, link.downloads())) : entry;
        });
        return granted[0];
    }

    @Override
    public void finishDownload(LinkHandle handle, boolean completed) {
        links.computeIfPresent(handle, (h, entry) -> {
            StoredLink link = entry.link();
            if (completed) {
                return entry.with(counted(link, link.claimed(), link.downloads() + 1));
            }
            return link.claimed() > 0 ? entry.with(counted(link, link.claimed() - 1, link.downloads())) : entry;
        });
    }

    @Override
    public void recordAccess(LinkHandle handle, LinkAccess access, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("a log keeps at least one access");
        }
        LinkAccess stored = new LinkAccess(
                millis(access.at()), access.address(), access.userAgent(), access.status(), access.bytes());
        links.computeIfPresent(handle, (h, entry) -> {
            List<LinkAccess> log = new ArrayList<>(entry.log());
            log.add(stored);
            return new Entry(entry.link(), List.copyOf(log.subList(Math.max(0, log.size() - keep), log.size())));
        });
    }

    @Override
    public List<LinkAccess> accesses(LinkHandle handle) {
        Entry entry = links.get(handle);
        if (entry == null) {
            return List.of();
        }
        List<LinkAccess> newestFirst = new ArrayList<>(entry.log());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static StoredLink counted(StoredLink link, long claimed, long downloads) {
        return new StoredLink(
                link.handle(),
                link.idHash(),
                link.file(),
                link.created(),
                link.expiresAt(),
                link.purgeAt(),
                link.maxDownloads(),
                claimed,
                downloads,
                link.passwordHash());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
