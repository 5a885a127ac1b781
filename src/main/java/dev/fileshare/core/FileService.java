package dev.fileshare.core;

import dev.fileshare.core.model.ByteRange;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.ShareStore;
import dev.fileshare.core.port.UserStore;
import dev.fileshare.core.port.VersionGoneException;
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

    public BlobStore.WriteResult upload(
            Username caller, FileName name, InputStream content, long length, WriteCondition condition)
            throws IOException {
        FileKey key = new FileKey(caller, name);
        BlobStore.WriteResult result = blobs.write(key, content, length, condition);
        if (result.created()) {
            // A grant that raced with an earlier delete of this name must not open the new file to anyone.
            shares.revokeAll(key);
        }
        return result;
    }

    /** The caller's own file, or one its owner shared with the caller; 404 otherwise, whichever the reason. */
    public FileVersion describe(Username caller, Username owner, FileName name) {
        FileKey key = new FileKey(owner, name);
        Optional<FileVersion> entry = blobs.find(key);
        if (entry.isEmpty() || !mayRead(caller, key)) {
            throw notFound(key);
        }
        return entry.get();
    }

    /**
     * Opens a file the caller may read: the whole of it, or the one range {@code rangeHeader} asks for
     * ({@code bytes=...}; null for all).
     */
    public FileContent open(Username caller, Username owner, FileName name, String rangeHeader) throws IOException {
        FileKey key = new FileKey(owner, name);
        if (rangeHeader == null) {
            if (!mayRead(caller, key)) {
                throw notFound(key);
            }
            BlobStore.OpenBlob blob = blobs.openCurrent(key).orElseThrow(() -> notFound(key));
            return new FileContent(blob.entry(), ByteRange.whole(blob.entry().size()), false, blob.stream());
        }
        // A range is resolved against one version's size, so that version is looked up first and read by name.
        for (int attempt = 1; ; attempt++) {
            FileVersion entry = describe(caller, owner, name);
            Optional<ByteRange> range = ByteRange.parse(rangeHeader, entry.size());
            ByteRange span = range.orElse(ByteRange.whole(entry.size()));
            try {
                return new FileContent(entry, span, range.isPresent(), blobs.read(entry, span.offset(), span.length()));
            } catch (VersionGoneException replacedMeanwhile) {
                if (attempt == READ_ATTEMPTS) {
                    throw notFound(entry.key());
                }
            }
        }
    }

    /** Deletes one of the caller's files and every share of it. */
    public void delete(Username caller, FileName name) throws IOException {
        FileKey key = new FileKey(caller, name);
        if (!blobs.delete(key)) {
            throw notFound(key);
        }
        shares.revokeAll(key);
    }

    /** The users one of the caller's files is shared with, sorted. */
    public List<Username> grantees(Username caller, FileName name) {
        FileKey key = new FileKey(caller, name);
        if (blobs.find(key).isEmpty()) {
            throw notFound(key);
        }
        List<Username> grantees = new ArrayList<>(shares.grantees(key));
        grantees.sort(null);
        return grantees;
    }

    /** Stops sharing one of the caller's files with {@code grantee}; revoking what was not shared is a no-op. */
    public void revoke(Username caller, FileName name, Username grantee) {
        FileKey key = new FileKey(caller, name);
        if (blobs.find(key).isEmpty()) {
            throw notFound(key);
        }
        shares.revoke(key, grantee);
    }

    /** The caller's own files, then those shared with them, each part sorted by key. */
    public List<FileVersion> list(Username caller) {
        List<FileVersion> own = new ArrayList<>(blobs.list(caller));
        own.sort((a, b) -> FileKey.ORDER.compare(a.key(), b.key()));
        List<FileVersion> shared = new ArrayList<>();
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
