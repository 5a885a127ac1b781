package dev.fileshare.store.local;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ShareStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SqliteShareStore implements ShareStore {
    private final SqliteDatabase db;

    SqliteShareStore(SqliteDatabase db) {
        this.db = db;
    }

    /** Only the key is kept: the listing reads each file's current entry from {@code files}. */
    @Override
    public void grant(FileVersion version, Username grantee) {
        FileKey key = version.key();
        db.write(c -> {
            PreparedStatement s =
                    c.prepare("INSERT INTO shares(owner, file_name, grantee) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
            bindShare(s, key, grantee);
            return s.executeUpdate();
        });
    }

    @Override
    public boolean revoke(FileKey key, Username grantee) {
        return db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM shares WHERE owner = ? AND file_name = ? AND grantee = ?");
            bindShare(s, key, grantee);
            return s.executeUpdate() > 0;
        });
    }

    @Override
    public boolean isGranted(FileKey key, Username grantee) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT 1 FROM shares WHERE owner = ? AND file_name = ? AND grantee = ?");
            bindShare(s, key, grantee);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        });
    }

    /** Nothing to do: {@link #sharedWith} joins the files as they are now. */
    @Override
    public void refresh(FileVersion version) {}

    @Override
    public List<FileVersion> sharedWith(Username grantee, Optional<FileKey> after, int max) {
        // One query, a range of shares_by_grantee_key joined with each file's current row: no call per file.
        return db.read(c -> {
            PreparedStatement s = c.prepare("""
                    SELECT f.owner, f.file_name, f.blob_id, f.size, f.modified, f.sha256
                    FROM shares s JOIN files f ON f.owner = s.owner AND f.file_name = s.file_name
                    WHERE s.grantee = ? AND s.owner || '/' || s.file_name > ?
                    ORDER BY s.owner || '/' || s.file_name LIMIT ?""");
            s.setString(1, grantee.value());
            s.setString(2, after.map(FileKey::value).orElse(""));
            s.setInt(3, max);
            List<FileVersion> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    FileKey key = new FileKey(new Username(r.getString(1)), new FileName(r.getString(2)));
                    entries.add(LocalBlobStore.entry(key, r, 3));
                }
            }
            return entries;
        });
    }

    @Override
    public List<Username> grantees(FileKey key) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT grantee FROM shares WHERE owner = ? AND file_name = ?");
            bindKey(s, key);
            List<Username> users = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    users.add(new Username(r.getString(1)));
                }
            }
            return users;
        });
    }

    @Override
    public void revokeAll(FileKey key) {
        db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM shares WHERE owner = ? AND file_name = ?");
            bindKey(s, key);
            return s.executeUpdate();
        });
    }

    private static void bindKey(PreparedStatement s, FileKey key) throws java.sql.SQLException {
        s.setString(1, key.owner().value());
        s.setString(2, key.fileName().value());
    }

    /** One share's {@code (owner, file_name, grantee)}, as the first three parameters. */
    private static void bindShare(PreparedStatement s, FileKey key, Username grantee) throws java.sql.SQLException {
        bindKey(s, key);
        s.setString(3, grantee.value());
    }
}
