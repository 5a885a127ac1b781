package dev.fileshare.store.local;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.StoredSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

final class SqliteSessionStore implements SessionStore {
    private final SqliteDatabase db;

    SqliteSessionStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void create(StoredSession session) {
        db.write(c -> {
            PreparedStatement s = c.prepare("INSERT INTO sessions(token_hash, username, expires_at) VALUES (?, ?, ?)");
            s.setString(1, session.tokenHash());
            s.setString(2, session.username().value());
            s.setLong(3, session.expiresAt().toEpochMilli());
            return s.executeUpdate();
        });
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT username, expires_at FROM sessions WHERE token_hash = ?");
            s.setString(1, tokenHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new StoredSession(tokenHash, new Username(r.getString(1)), Instant.ofEpochMilli(r.getLong(2))));
            }
        });
    }

    @Override
    public void delete(String tokenHash) {
        db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM sessions WHERE token_hash = ?");
            s.setString(1, tokenHash);
            return s.executeUpdate();
        });
    }

    @Override
    public void deleteAllOf(Username username, Optional<String> kept) {
        db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM sessions WHERE username = ? AND token_hash <> ?");
            s.setString(1, username.value());
            s.setString(2, kept.orElse(""));
            return s.executeUpdate();
        });
    }

    /** Drops sessions that expired before {@code now}; they would be refused anyway. */
    int deleteExpired(Instant now) {
        return db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM sessions WHERE expires_at <= ?");
            s.setLong(1, now.toEpochMilli());
            return s.executeUpdate();
        });
    }
}
