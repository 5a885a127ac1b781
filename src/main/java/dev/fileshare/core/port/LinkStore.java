package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.Username;
import java.util.List;
import java.util.Optional;

/**
 * Public links and their access logs, each link under its handle. A link's log goes with it. Links past their
 * {@link StoredLink#purgeAt} may still be returned until the store drops them on its own (SQLite sweeps them,
 * DynamoDB expires them by TTL): the caller judges.
 */
public interface LinkStore {
    /** Stores {@code link} unless a link holds its handle: atomic, so two links never share one. */
    boolean create(StoredLink link);

    Optional<StoredLink> find(LinkHandle handle);

    /** {@code owner}'s links, only those to {@code file} when given, in no particular order. */
    List<StoredLink> ownedBy(Username owner, Optional<FileName> file);

    /** Deletes the link, with its access log, if {@code owner} owns it; returns whether it did. */
    boolean delete(LinkHandle handle, Username owner);

    /** Deletes every link to {@code file}, with their access logs. */
    void deleteAll(FileKey file);

    /**
     * Claims one download: counts it in {@link StoredLink#claimed} if the link exists and has claimed fewer than its
     * {@code maxDownloads} (any number when it has none). Atomic: of any number of concurrent claims on a link at
     * {@code c} claimed, exactly {@code maxDownloads - c} are granted (or all, when fewer).
     */
    boolean claimDownload(LinkHandle handle);

    /**
     * Ends a download {@link #claimDownload} granted: a completed one is counted in {@link StoredLink#downloads}, any
     * other is given back. Nothing happens when the link is gone.
     */
    void finishDownload(LinkHandle handle, boolean completed);

    /** Adds {@code access} to the link's log, which keeps the newest {@code keep} (at least 1); none when it is gone. */
    void recordAccess(LinkHandle handle, LinkAccess access, int keep);

    /** The link's log, the most recently recorded first; empty when the link is gone. */
    List<LinkAccess> accesses(LinkHandle handle);
}
