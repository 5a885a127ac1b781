package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.Username;
import java.util.List;

/** Who may read which file besides its owner. */
public interface ShareStore {
    /** Grants {@code grantee} read access to {@code key}; granting twice is a no-op. */
    void grant(FileKey key, Username grantee);

    /** Returns whether there was a grant to revoke. */
    boolean revoke(FileKey key, Username grantee);

    boolean isGranted(FileKey key, Username grantee);

    /** The keys shared with {@code grantee}, in no particular order. */
    List<FileKey> sharedWith(Username grantee);

    /** The users {@code key} is shared with, in no particular order. */
    List<Username> grantees(FileKey key);

    void revokeAll(FileKey key);
}
