package dev.fileshare.core;

import dev.fileshare.store.BlobStore;
import dev.fileshare.store.ShareStore;
import dev.fileshare.store.UserStore;
import dev.fileshare.store.VersionGoneException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Uploading, reading, listing and sharing files, with the rule of who may see what. */
public final class FileService {
    /** A read retries when the version it found was replaced before it could be opened. */
    private static final int READ_ATTEMPTS = 3;

    private final BlobStore blobs;
    private final ShareStore shares;
    private final UserStore users;

    public FileService(BlobStore blobs, ShareStore shares, UserStore users) {
        this.blobs = blobs;
        this.shares = shares;
        this.users = users;
    }

    public BlobStore.WriteResult upload(Username caller, FileName name, InputStream content, long length,
                                        WriteCondition condition) throws IOException {
        return blobs.write(new FileKey(caller, name), content, length, condition);
    }

    /** The caller's own file, or one its owner shared with the caller; 404 otherwise, whichever the reason. */
    public FileEntry describe(Username caller, Username owner, FileName name) {
        FileKey key = new FileKey(owner, name);
        Optional<FileEntry> entry = blobs.find(key);
        if (entry.isEmpty() || !mayRead(caller, key)) {
            throw notFound(key);
        }
        return entry.get();
    }

    /** Opens the whole content of a file the caller may read. */
    public FileContent open(Username caller, Username owner, FileName name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            FileEntry entry = describe(caller, owner, name);
            try {
                return new FileContent(entry, blobs.read(entry, 0, entry.size()));
            } catch (VersionGoneException replacedMeanwhile) {
                if (attempt == READ_ATTEMPTS) {
                    throw notFound(entry.key());
                }
            }
        }
    }

    /** The caller's own files, then those shared with them, each part sorted by key. */
    public List<FileEntry> list(Username caller) {
        List<FileEntry> own = new ArrayList<>(blobs.list(caller));
        own.sort((a, b) -> FileKey.ORDER.compare(a.key(), b.key()));
        List<FileEntry> shared = new ArrayList<>();
        for (FileKey key : shares.sharedWith(caller)) {
            blobs.find(key).ifPresent(shared::add);
        }
        shared.sort((a, b) -> FileKey.ORDER.compare(a.key(), b.key()));
        own.addAll(shared);
        return own;
    }

    public void share(Username caller, FileName name, Username grantee) {
        if (grantee.equals(caller)) {
            throw InvalidInputException.of("username", "cannot share a file with its owner");
        }
        FileKey key = new FileKey(caller, name);
        if (blobs.find(key).isEmpty()) {
            throw notFound(key);
        }
        if (!users.exists(grantee)) {
            throw new NotFoundException("No user named '" + grantee + "'.");
        }
        shares.grant(key, grantee);
    }

    private boolean mayRead(Username caller, FileKey key) {
        return key.owner().equals(caller) || shares.isGranted(key, caller);
    }

    private static NotFoundException notFound(FileKey key) {
        return new NotFoundException("No file '" + key.fileName() + "' of '" + key.owner() + "' that you may read.");
    }
}
