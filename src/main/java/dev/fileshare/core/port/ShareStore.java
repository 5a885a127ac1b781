package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import java.util.List;
import java.util.Optional;

/**
 * Who may read which file besides its owner, and what a grantee's listing shows of it. A store may keep that
 * entry with the share (then {@link #refresh} keeps it current) or read it from where the files are; either
 * way a page of {@link #sharedWith} costs a bounded number of calls, none per file.
 */
public interface ShareStore {
    /** Grants {@code grantee} read access to {@code version}'s file, listed as {@code version}; granting twice is a no-op. */
    void grant(FileVersion version, Username grantee);

    /** The file was written anew: its grantees' listings show {@code version} from now on. */
    void refresh(FileVersion version);

    /** Returns whether there was a grant to revoke. */
    boolean revoke(FileKey key, Username grantee);

    boolean isGranted(FileKey key, Username grantee);

    /**
     * The files shared with {@code grantee} whose keys come after {@code after} (all when empty), in key order,
     * at most {@code max}.
     */
    List<FileVersion> sharedWith(Username grantee, Optional<FileKey> after, int max);

    /** The users {@code key} is shared with, in no particular order. */
    List<Username> grantees(FileKey key);

    void revokeAll(FileKey key);
}
