package dev.fileshare.store.local;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ShareStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

final class SqliteShareStore implements ShareStore {
    private final SqliteDatabase db;

    SqliteShareStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void grant(FileKey key, Username grantee) {
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

    @Override
    public List<FileKey> sharedWith(Username grantee) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT owner, file_name FROM shares WHERE grantee = ?");
            s.setString(1, grantee.value());
            List<FileKey> keys = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(new FileKey(new Username(r.getString(1)), new FileName(r.getString(2))));
                }
            }
            return keys;
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
