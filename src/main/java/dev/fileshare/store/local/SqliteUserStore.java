package dev.fileshare.store.local;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.core.port.UserStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

final class SqliteUserStore implements UserStore {
    private final SqliteDatabase db;

    SqliteUserStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public boolean createIfAbsent(UserAccount account) {
        return db.write(c -> {
            // One statement: a retired name is refused in the same step as a taken one.
            PreparedStatement s = c.prepare("INSERT INTO users(username, password_hash, created_at) SELECT ?, ?, ?"
                    + " WHERE NOT EXISTS (SELECT 1 FROM retired_usernames WHERE username = ?)"
                    + " ON CONFLICT(username) DO NOTHING");
            s.setString(1, account.username().value());
            s.setString(2, account.passwordHash());
            s.setLong(3, account.createdAt().toEpochMilli());
            s.setString(4, account.username().value());
            return s.executeUpdate() == 1;
        });
    }

    @Override
    public boolean replacePasswordHash(Username username, String expectedHash, String newHash) {
        return db.write(c -> {
            PreparedStatement s =
                    c.prepare("UPDATE users SET password_hash = ? WHERE username = ? AND password_hash = ?");
            s.setString(1, newHash);
            s.setString(2, username.value());
            s.setString(3, expectedHash);
            return s.executeUpdate() == 1;
        });
    }

    @Override
    public boolean retire(Username username) {
        return db.write(c -> {
            PreparedStatement tombstone =
                    c.prepare("INSERT INTO retired_usernames(username) VALUES (?) ON CONFLICT(username) DO NOTHING");
            tombstone.setString(1, username.value());
            tombstone.executeUpdate();
            PreparedStatement delete = c.prepare("DELETE FROM users WHERE username = ?");
            delete.setString(1, username.value());
            return delete.executeUpdate() == 1;
        });
    }

    @Override
    public Optional<UserAccount> find(Username username) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT password_hash, created_at FROM users WHERE username = ?");
            s.setString(1, username.value());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UserAccount(username, r.getString(1), Instant.ofEpochMilli(r.getLong(2))));
            }
        });
    }
}
