package dev.fileshare.store.local;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LoginFailureStore;
import dev.fileshare.core.port.LoginFailures;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

final class SqliteLoginFailureStore implements LoginFailureStore {
    private final SqliteDatabase db;

    SqliteLoginFailureStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<LoginFailures> find(Username username) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT window_start, failures FROM login_failures WHERE username = ?");
            s.setString(1, username.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new LoginFailures(Instant.ofEpochMilli(r.getLong(1)), r.getInt(2)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public LoginFailures recordFailure(Username username, Instant now, Duration window) {
        long nowMillis = now.toEpochMilli();
        long windowStartedAfter = now.minus(window).toEpochMilli();
        return db.write(c -> {
            // One statement: a new window when there is none or the old one has ended, else one more failure.
            PreparedStatement upsert = c.prepare("""
                    INSERT INTO login_failures(username, window_start, failures) VALUES (?, ?, 1)
                    ON CONFLICT(username) DO UPDATE SET
                      failures = CASE WHEN window_start > ? THEN failures + 1 ELSE 1 END,
                      window_start = CASE WHEN window_start > ? THEN window_start ELSE excluded.window_start END
                    RETURNING window_start, failures""");
            upsert.setString(1, username.value());
            upsert.setLong(2, nowMillis);
            upsert.setLong(3, windowStartedAfter);
            upsert.setLong(4, windowStartedAfter);
            try (ResultSet r = upsert.executeQuery()) {
                r.next();
                return new LoginFailures(Instant.ofEpochMilli(r.getLong(1)), r.getInt(2));
            }
        });
    }

    @Override
    public void clear(Username username) {
        db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM login_failures WHERE username = ?");
            s.setString(1, username.value());
            return s.executeUpdate();
        });
    }
}
