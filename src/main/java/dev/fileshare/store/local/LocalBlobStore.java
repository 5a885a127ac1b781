package dev.fileshare.store.local;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.CountingInputStream;
import dev.fileshare.core.port.VersionGoneException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * File content on disk under generated ids (a file name never becomes a path), metadata in SQLite.
 * A write streams to a temporary file, fsyncs it, renames it into place, then switches the key to the new
 * id in one SQLite transaction: the commit is the moment the new version exists. Until then readers see the
 * old version; a crash before it leaves only an unreferenced blob, which {@link BlobDirectory#sweep} removes.
 * A quota is checked in that same transaction, so it is exact: a refused write rolls back and its blob is deleted.
 */
final class LocalBlobStore implements BlobStore {
    private static final int OPEN_ATTEMPTS = 10;
    private final SqliteDatabase db;
    private final BlobDirectory directory;
    private final Clock clock;

    LocalBlobStore(SqliteDatabase db, BlobDirectory directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public WriteResult write(FileKey key, InputStream content, long length, WriteCondition condition, Quota quota)
            throws IOException {
        BlobId id = BlobId.random();
        long size = directory.store(id, content, length);
        Instant modified = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<BlobId> replaced;
        try {
            replaced = db.write(c -> switchVersion(c, key, id, size, modified, condition, quota));
        } catch (RuntimeException notCommitted) {
            directory.deleteQuietly(id);
            throw notCommitted;
        }
        replaced.ifPresent(directory::deleteQuietly);
        return new WriteResult(new FileVersion(key, size, modified, id.etag()), replaced.isEmpty());
    }

    private static Optional<BlobId> switchVersion(
            SqliteDatabase.CachedConnection c,
            FileKey key,
            BlobId id,
            long size,
            Instant modified,
            WriteCondition condition,
            Quota quota)
            throws java.sql.SQLException {
        Optional<BlobId> current = currentBlob(c, key);
        condition.check(current.map(BlobId::etag));
        if (!quota.isUnlimited()) {
            // In the writer's transaction: no other write can change the usage between this check and the commit.
            quota.admit(usage(c, key.owner()), currentSize(c, key), size);
        }
        PreparedStatement upsert = c.prepare("""
                INSERT INTO files(owner, file_name, blob_id, size, modified) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(owner, file_name) DO UPDATE SET
                  blob_id = excluded.blob_id, size = excluded.size, modified = excluded.modified""");
        upsert.setString(1, key.owner().value());
        upsert.setString(2, key.fileName().value());
        upsert.setString(3, id.value());
        upsert.setLong(4, size);
        upsert.setLong(5, modified.toEpochMilli());
        upsert.executeUpdate();
        return current;
    }

    private static OptionalLong currentSize(SqliteDatabase.CachedConnection c, FileKey key)
            throws java.sql.SQLException {
        PreparedStatement s = c.prepare("SELECT size FROM files WHERE owner = ? AND file_name = ?");
        s.setString(1, key.owner().value());
        s.setString(2, key.fileName().value());
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
        }
    }

    /** One statement over the owner's range of the primary key, however many files they have. */
    private static Usage usage(SqliteDatabase.CachedConnection c, Username owner) throws java.sql.SQLException {
        PreparedStatement s = c.prepare("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM files WHERE owner = ?");
        s.setString(1, owner.value());
        try (ResultSet r = s.executeQuery()) {
            r.next();
            return new Usage(r.getLong(1), r.getLong(2));
        }
    }

    @Override
    public Usage usage(Username owner) {
        return db.read(c -> usage(c, owner));
    }

    private static Optional<BlobId> currentBlob(SqliteDatabase.CachedConnection c, FileKey key)
            throws java.sql.SQLException {
        PreparedStatement s = c.prepare("SELECT blob_id FROM files WHERE owner = ? AND file_name = ?");
        s.setString(1, key.owner().value());
        s.setString(2, key.fileName().value());
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new BlobId(r.getString(1))) : Optional.empty();
        }
    }

    @Override
    public Optional<FileVersion> find(FileKey key) {
        return db.read(c -> {
            PreparedStatement s =
                    c.prepare("SELECT blob_id, size, modified FROM files WHERE owner = ? AND file_name = ?");
            s.setString(1, key.owner().value());
            s.setString(2, key.fileName().value());
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(entry(key, r.getString(1), r.getLong(2), r.getLong(3)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public InputStream read(FileVersion entry, long offset, long length) throws IOException {
        BlobId id = BlobId.fromEtag(entry.etag());
        FileChannel channel;
        try {
            channel = FileChannel.open(directory.pathOf(id), StandardOpenOption.READ);
        } catch (NoSuchFileException replaced) {
            throw new VersionGoneException("version " + entry.etag() + " of " + entry.key() + " is gone");
        }
        channel.position(offset);
        return CountingInputStream.endingAfter(Channels.newInputStream(channel), length);
    }

    @Override
    public Optional<OpenBlob> openCurrent(FileKey key) throws IOException {
        // The window between the lookup and opening the file is short, and an open file survives its
        // replacement, so a retry is rare and one almost always succeeds.
        for (int attempt = 1; ; attempt++) {
            Optional<FileVersion> entry = find(key);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new OpenBlob(
                        entry.get(), read(entry.get(), 0, entry.get().size())));
            } catch (VersionGoneException replaced) {
                if (attempt == OPEN_ATTEMPTS) {
                    throw replaced;
                }
            }
        }
    }

    @Override
    public List<FileVersion> list(Username owner, Optional<FileName> after, int max) {
        // In key order (the primary key's index; BINARY collation is UTF-8 byte order, which is code-point order),
        // so a page is one range of the index and the core's sort of it a single pass.
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT file_name, blob_id, size, modified FROM files"
                    + " WHERE owner = ? AND file_name > ? ORDER BY file_name LIMIT ?");
            s.setString(1, owner.value());
            s.setString(2, after.map(FileName::value).orElse(""));
            s.setInt(3, max);
            List<FileVersion> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    FileKey key = new FileKey(owner, new FileName(r.getString(1)));
                    entries.add(entry(key, r.getString(2), r.getLong(3), r.getLong(4)));
                }
            }
            return entries;
        });
    }

    @Override
    public boolean delete(FileKey key) {
        Optional<BlobId> removed = db.write(c -> {
            Optional<BlobId> current = currentBlob(c, key);
            PreparedStatement s = c.prepare("DELETE FROM files WHERE owner = ? AND file_name = ?");
            s.setString(1, key.owner().value());
            s.setString(2, key.fileName().value());
            s.executeUpdate();
            return current;
        });
        removed.ifPresent(directory::deleteQuietly);
        return removed.isPresent();
    }

    /** The entry of a row of {@code files}; the shares' listing reads the same rows. */
    static FileVersion entry(FileKey key, String blobId, long size, long modifiedMillis) {
        return new FileVersion(key, size, Instant.ofEpochMilli(modifiedMillis), new BlobId(blobId).etag());
    }
}
