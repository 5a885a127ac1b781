package dev.fileshare.store.local;

import dev.fileshare.core.model.FileExistsException;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.CountingInputStream;
import dev.fileshare.core.port.DigestingInputStream;
import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.StoredVersion;
import dev.fileshare.core.port.TrashedFile;
import dev.fileshare.core.port.VersionGoneException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * File content on disk under generated ids (a file name never becomes a path), metadata in SQLite.
 * A write streams to a temporary file, fsyncs it, renames it into place, then switches the key to the new
 * id in one SQLite transaction: the commit is the moment the new version exists. Until then readers see the
 * old version; a crash before it leaves only an unreferenced blob, which {@link BlobDirectory#sweep} removes.
 * The same transaction keeps the replaced version in {@code older_versions} and drops those the retention no
 * longer keeps; their blob files are deleted after the commit (a crash in between leaves unreferenced blobs, which
 * the start-up sweep removes). A delete moves the file's row to {@code trash} and marks its older versions, so
 * a restore is a move back. What outlives its age is dropped by {@link ExpirySweep}; until then reads leave it out.
 * A quota is checked in that same transaction on the usage before and after the switch (kept and dropped versions
 * included), so it is exact: a refused write rolls back and its blob is deleted.
 */
final class LocalBlobStore implements BlobStore {
    private static final int OPEN_ATTEMPTS = 10;

    private final SqliteDatabase db;
    private final BlobDirectory directory;
    private final Clock clock;
    private final Retention retention;

    LocalBlobStore(SqliteDatabase db, BlobDirectory directory, Clock clock, Retention retention) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public WriteResult write(
            FileKey key, DigestingInputStream content, long length, WriteCondition condition, Quota quota)
            throws IOException {
        BlobId id = BlobId.random();
        long size = directory.store(id, content, length);
        Instant modified = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        FileVersion written = new FileVersion(key, size, modified, id.etag(), Optional.of(content.digest()));
        Switched switched;
        try {
            switched = db.write(c -> switchVersion(c, written, condition, quota));
        } catch (RuntimeException notCommitted) {
            directory.deleteQuietly(id);
            throw notCommitted;
        }
        switched.dropped().forEach(directory::deleteQuietly);
        return new WriteResult(written, switched.created());
    }

    private record Switched(boolean created, List<BlobId> dropped) {}

    private Switched switchVersion(
            SqliteDatabase.CachedConnection c, FileVersion written, WriteCondition condition, Quota quota)
            throws SQLException {
        FileKey key = written.key();
        Optional<FileVersion> current = currentEntry(c, key);
        condition.check(current.map(FileVersion::etag));
        Optional<Usage> before = quota.isUnlimited() ? Optional.empty() : Optional.of(usage(c, key.owner()));
        PreparedStatement upsert = c.prepare("""
                INSERT INTO files(owner, file_name, blob_id, size, modified, sha256) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(owner, file_name) DO UPDATE SET
                  blob_id = excluded.blob_id, size = excluded.size, modified = excluded.modified,
                  sha256 = excluded.sha256""");
        bindRow(upsert, written);
        upsert.executeUpdate();
        List<BlobId> dropped = new ArrayList<>();
        if (current.isPresent()) {
            keepOlderVersion(c, current.get(), clock.instant());
            dropped.addAll(pruneOlderVersions(c, key));
        }
        if (before.isPresent()) {
            // In the writer's transaction: no other write can change the usage between this check and the commit.
            quota.admit(before.get(), usage(c, key.owner()));
        }
        return new Switched(current.isEmpty(), dropped);
    }

    private static void keepOlderVersion(SqliteDatabase.CachedConnection c, FileVersion replaced, Instant now)
            throws SQLException {
        PreparedStatement s = c.prepare("INSERT INTO older_versions(owner, file_name, blob_id, size, modified,"
                + " sha256, replaced) VALUES (?, ?, ?, ?, ?, ?, ?)");
        bindRow(s, replaced);
        s.setLong(7, now.toEpochMilli());
        s.executeUpdate();
    }

    /** Drops the older versions of a live file beyond the retention's count or age; returns their blobs. */
    private List<BlobId> pruneOlderVersions(SqliteDatabase.CachedConnection c, FileKey key) throws SQLException {
        Instant now = clock.instant();
        PreparedStatement s = c.prepare("SELECT seq, blob_id, replaced FROM older_versions"
                + " WHERE owner = ? AND file_name = ? AND in_trash = 0 ORDER BY seq DESC");
        s.setString(1, key.owner().value());
        s.setString(2, key.fileName().value());
        List<BlobId> dropped = new ArrayList<>();
        int newer = 0;
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (!retention.keepsVersion(newer, Instant.ofEpochMilli(r.getLong(3)), now)) {
                    dropped.add(new BlobId(r.getString(2)));
                }
                newer++;
            }
        }
        deleteOlderVersions(c, dropped);
        return dropped;
    }

    private static void deleteOlderVersions(SqliteDatabase.CachedConnection c, List<BlobId> ids) throws SQLException {
        PreparedStatement delete = c.prepare("DELETE FROM older_versions WHERE blob_id = ?");
        for (BlobId id : ids) {
            delete.setString(1, id.value());
            delete.executeUpdate();
        }
    }

    /**
     * Drops up to {@code max} older versions past their age and up to {@code max} trashed files past theirs, of
     * anyone; returns their blobs, which the caller deletes once this commits.
     */
    private List<BlobId> dropExpired(SqliteDatabase.CachedConnection c, int max) throws SQLException {
        Instant now = clock.instant();
        List<BlobId> dropped = new ArrayList<>();
        PreparedStatement versions =
                c.prepare("SELECT blob_id FROM older_versions WHERE replaced <= ? ORDER BY replaced LIMIT ?");
        versions.setLong(1, now.minus(retention.versionMaxAge()).toEpochMilli());
        versions.setInt(2, max);
        try (ResultSet r = versions.executeQuery()) {
            while (r.next()) {
                dropped.add(new BlobId(r.getString(1)));
            }
        }
        deleteOlderVersions(c, dropped);
        PreparedStatement trashed =
                c.prepare("SELECT owner, file_name FROM trash WHERE deleted <= ? ORDER BY deleted LIMIT ?");
        trashed.setLong(1, now.minus(retention.trashMaxAge()).toEpochMilli());
        trashed.setInt(2, max);
        List<FileKey> expired = new ArrayList<>();
        try (ResultSet r = trashed.executeQuery()) {
            while (r.next()) {
                expired.add(new FileKey(new Username(r.getString(1)), new FileName(r.getString(2))));
            }
        }
        for (FileKey key : expired) {
            dropped.addAll(purgeTrashed(c, key));
        }
        return dropped;
    }

    /** Drops expired older versions and trashed files, at most {@code max} of each; returns how many. */
    int dropExpired(int max) {
        List<BlobId> dropped = db.write(c -> dropExpired(c, max));
        dropped.forEach(directory::deleteQuietly);
        return dropped.size();
    }

    private static Optional<FileVersion> currentEntry(SqliteDatabase.CachedConnection c, FileKey key)
            throws SQLException {
        PreparedStatement s =
                c.prepare("SELECT blob_id, size, modified, sha256 FROM files WHERE owner = ? AND file_name = ?");
        s.setString(1, key.owner().value());
        s.setString(2, key.fileName().value());
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(entry(key, r, 1)) : Optional.empty();
        }
    }

    @Override
    public Optional<FileVersion> find(FileKey key) {
        return db.read(c -> currentEntry(c, key));
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
            PreparedStatement s = c.prepare("SELECT file_name, blob_id, size, modified, sha256 FROM files"
                    + " WHERE owner = ? AND file_name > ? ORDER BY file_name LIMIT ?");
            s.setString(1, owner.value());
            s.setString(2, after.map(FileName::value).orElse(""));
            s.setInt(3, max);
            List<FileVersion> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    FileKey key = new FileKey(owner, new FileName(r.getString(1)));
                    entries.add(entry(key, r, 2));
                }
            }
            return entries;
        });
    }

    @Override
    public boolean delete(FileKey key) {
        Optional<List<BlobId>> moved = db.write(c -> {
            Optional<FileVersion> current = currentEntry(c, key);
            if (current.isEmpty()) {
                return Optional.<List<BlobId>>empty();
            }
            List<BlobId> dropped = new ArrayList<>(purgeTrashed(c, key));
            PreparedStatement trash = c.prepare("INSERT INTO trash(owner, file_name, blob_id, size, modified, sha256,"
                    + " deleted) VALUES (?, ?, ?, ?, ?, ?, ?)");
            bindRow(trash, current.get());
            trash.setLong(7, clock.instant().toEpochMilli());
            trash.executeUpdate();
            markOlderVersions(c, key, 1);
            PreparedStatement s = c.prepare("DELETE FROM files WHERE owner = ? AND file_name = ?");
            s.setString(1, key.owner().value());
            s.setString(2, key.fileName().value());
            s.executeUpdate();
            return Optional.of(dropped);
        });
        moved.ifPresent(dropped -> dropped.forEach(directory::deleteQuietly));
        return moved.isPresent();
    }

    /** Moves a file's older versions into the trash (1) or out of it (0), with the file. */
    private static void markOlderVersions(SqliteDatabase.CachedConnection c, FileKey key, int inTrash)
            throws SQLException {
        PreparedStatement s =
                c.prepare("UPDATE older_versions SET in_trash = ? WHERE owner = ? AND file_name = ? AND in_trash = ?");
        s.setInt(1, inTrash);
        s.setString(2, key.owner().value());
        s.setString(3, key.fileName().value());
        s.setInt(4, 1 - inTrash);
        s.executeUpdate();
    }

    /** Removes a trashed file and its older versions from the tables; returns their blobs. */
    private static List<BlobId> purgeTrashed(SqliteDatabase.CachedConnection c, FileKey key) throws SQLException {
        List<BlobId> dropped = new ArrayList<>();
        PreparedStatement blobs = c.prepare("SELECT blob_id FROM trash WHERE owner = ? AND file_name = ?"
                + " UNION ALL SELECT blob_id FROM older_versions WHERE owner = ? AND file_name = ? AND in_trash = 1");
        blobs.setString(1, key.owner().value());
        blobs.setString(2, key.fileName().value());
        blobs.setString(3, key.owner().value());
        blobs.setString(4, key.fileName().value());
        try (ResultSet r = blobs.executeQuery()) {
            while (r.next()) {
                dropped.add(new BlobId(r.getString(1)));
            }
        }
        if (dropped.isEmpty()) {
            return dropped;
        }
        for (String sql : new String[] {
            "DELETE FROM trash WHERE owner = ? AND file_name = ?",
            "DELETE FROM older_versions WHERE owner = ? AND file_name = ? AND in_trash = 1"
        }) {
            PreparedStatement s = c.prepare(sql);
            s.setString(1, key.owner().value());
            s.setString(2, key.fileName().value());
            s.executeUpdate();
        }
        return dropped;
    }

    @Override
    public List<StoredVersion> versions(FileKey key) {
        Instant now = clock.instant();
        return db.read(c -> {
            Optional<FileVersion> current = currentEntry(c, key);
            if (current.isEmpty()) {
                return List.of();
            }
            List<StoredVersion> versions = new ArrayList<>();
            versions.add(new StoredVersion(BlobId.fromEtag(current.get().etag()).value(), current.get(), true));
            PreparedStatement s = c.prepare("SELECT blob_id, size, modified, sha256, replaced FROM older_versions"
                    + " WHERE owner = ? AND file_name = ? AND in_trash = 0 ORDER BY seq DESC");
            s.setString(1, key.owner().value());
            s.setString(2, key.fileName().value());
            try (ResultSet r = s.executeQuery()) {
                // The rule again, for versions a sweep has not reached yet.
                for (int newer = 0; r.next(); newer++) {
                    if (retention.keepsVersion(newer, Instant.ofEpochMilli(r.getLong(5)), now)) {
                        versions.add(new StoredVersion(r.getString(1), entry(key, r, 1), false));
                    }
                }
            }
            return versions;
        });
    }

    @Override
    public Optional<FileVersion> findVersion(FileKey key, String version) {
        return versions(key).stream()
                .filter(stored -> stored.version().equals(version))
                .map(StoredVersion::entry)
                .findFirst();
    }

    @Override
    public List<TrashedFile> trash(Username owner) {
        Instant now = clock.instant();
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT file_name, blob_id, size, modified, sha256, deleted FROM trash"
                    + " WHERE owner = ? AND deleted > ? ORDER BY file_name");
            s.setString(1, owner.value());
            s.setLong(2, now.minus(retention.trashMaxAge()).toEpochMilli());
            List<TrashedFile> trashed = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    FileKey key = new FileKey(owner, new FileName(r.getString(1)));
                    Instant deleted = Instant.ofEpochMilli(r.getLong(6));
                    trashed.add(new TrashedFile(entry(key, r, 2), deleted, retention.purgeAt(deleted)));
                }
            }
            return trashed;
        });
    }

    @Override
    public Optional<FileVersion> restoreFromTrash(FileKey key) {
        Instant now = clock.instant();
        return db.write(c -> {
            PreparedStatement s = c.prepare("SELECT blob_id, size, modified, sha256 FROM trash"
                    + " WHERE owner = ? AND file_name = ? AND deleted > ?");
            s.setString(1, key.owner().value());
            s.setString(2, key.fileName().value());
            s.setLong(3, now.minus(retention.trashMaxAge()).toEpochMilli());
            FileVersion trashed;
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.<FileVersion>empty();
                }
                trashed = entry(key, r, 1);
            }
            if (currentEntry(c, key).isPresent()) {
                throw new FileExistsException(key);
            }
            PreparedStatement insert = c.prepare(
                    "INSERT INTO files(owner, file_name, blob_id, size, modified, sha256) VALUES (?, ?, ?, ?, ?, ?)");
            bindRow(insert, trashed);
            insert.executeUpdate();
            PreparedStatement out = c.prepare("DELETE FROM trash WHERE owner = ? AND file_name = ?");
            out.setString(1, key.owner().value());
            out.setString(2, key.fileName().value());
            out.executeUpdate();
            markOlderVersions(c, key, 0);
            return Optional.of(trashed);
        });
    }

    @Override
    public boolean purge(FileKey key) {
        List<BlobId> dropped = db.write(c -> purgeTrashed(c, key));
        dropped.forEach(directory::deleteQuietly);
        return !dropped.isEmpty();
    }

    /**
     * What the owner stores: their files, and the bytes of those, of their older versions and of their trash that
     * are not past their age. One statement over the owner's range of each table, however much they hold.
     */
    private Usage usage(SqliteDatabase.CachedConnection c, Username owner) throws SQLException {
        Instant now = clock.instant();
        PreparedStatement s = c.prepare("SELECT (SELECT COUNT(*) FROM files WHERE owner = ?),"
                + " (SELECT COALESCE(SUM(size), 0) FROM files WHERE owner = ?)"
                + " + (SELECT COALESCE(SUM(size), 0) FROM older_versions WHERE owner = ? AND replaced > ?)"
                + " + (SELECT COALESCE(SUM(size), 0) FROM trash WHERE owner = ? AND deleted > ?)");
        s.setString(1, owner.value());
        s.setString(2, owner.value());
        s.setString(3, owner.value());
        s.setLong(4, now.minus(retention.versionMaxAge()).toEpochMilli());
        s.setString(5, owner.value());
        s.setLong(6, now.minus(retention.trashMaxAge()).toEpochMilli());
        try (ResultSet r = s.executeQuery()) {
            r.next();
            return new Usage(r.getLong(1), r.getLong(2));
        }
    }

    @Override
    public Usage usage(Username owner) {
        return db.read(c -> usage(c, owner));
    }

    /**
     * The entry of a row of {@code files}, {@code older_versions} or {@code trash} whose columns {@code blob_id, size,
     * modified, sha256} start at {@code column}; the shares' listing reads the same rows. A row written before
     * digests were kept has none (NULL): it is not computed later, which would read the whole blob again.
     */
    static FileVersion entry(FileKey key, ResultSet r, int column) throws SQLException {
        String sha256 = r.getString(column + 3);
        return new FileVersion(
                key,
                r.getLong(column + 1),
                Instant.ofEpochMilli(r.getLong(column + 2)),
                new BlobId(r.getString(column)).etag(),
                Optional.ofNullable(sha256).map(Sha256Digest::fromHex));
    }

    /** Binds {@code owner, file_name, blob_id, size, modified, sha256} of {@code version} as parameters 1 to 6. */
    private static void bindRow(PreparedStatement s, FileVersion version) throws SQLException {
        s.setString(1, version.key().owner().value());
        s.setString(2, version.key().fileName().value());
        s.setString(3, BlobId.fromEtag(version.etag()).value());
        s.setLong(4, version.size());
        s.setLong(5, version.modified().toEpochMilli());
        s.setString(6, version.sha256().map(Sha256Digest::hex).orElse(null));
    }
}
