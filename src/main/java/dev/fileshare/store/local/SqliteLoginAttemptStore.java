package dev.fileshare.store.local;

import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.Reservation;
import dev.fileshare.core.port.ThrottleKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Login counters in the table {@code login_attempts} (key, attempts, window end in epoch millis). Each
 * reservation is one transaction on the single writer: a conditional upsert, and, when it is refused, a read of
 * the full window in the same transaction. The counters' commits do not wait for the disk
 * ({@link SqliteDatabase#writeUnsynced}): a power cut may forget the last attempts counted, which gives a guesser
 * nothing it could cause, while every login and every guess saves its fsyncs. Ended windows are swept a few rows per
 * reservation, so the table holds about as many rows as there are live counters.
 */
final class SqliteLoginAttemptStore implements LoginAttemptStore {
    /** At most this many ended counters are deleted per reservation: more than one keeps ahead of new ones. */
    private static final int SWEEP_PER_RESERVATION = 8;

    private final SqliteDatabase db;

    SqliteLoginAttemptStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Reservation reserve(ThrottleKey key, Instant now, Duration window, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit is at least 1");
        }
        long nowMillis = now.toEpochMilli();
        return db.writeUnsynced(c -> {
            // A new window when there is none or the old one has ended, else one more attempt while below the
            // limit; when the condition fails nothing is written and nothing returned.
            PreparedStatement upsert = c.prepare("""
                    INSERT INTO login_attempts(throttle_key, attempts, window_end) VALUES (?, 1, ?)
                    ON CONFLICT(throttle_key) DO UPDATE SET
                      attempts = CASE WHEN window_end <= ? THEN 1 ELSE attempts + 1 END,
                      window_end = CASE WHEN window_end <= ? THEN excluded.window_end ELSE window_end END
                    WHERE window_end <= ? OR attempts < ?
                    RETURNING attempts, window_end""");
            upsert.setString(1, key.value());
            upsert.setLong(2, now.plus(window).toEpochMilli());
            upsert.setLong(3, nowMillis);
            upsert.setLong(4, nowMillis);
            upsert.setLong(5, nowMillis);
            upsert.setInt(6, limit);
            Reservation reservation;
            try (ResultSet r = upsert.executeQuery()) {
                reservation = r.next() ? new Reservation(true, r.getInt(1), Instant.ofEpochMilli(r.getLong(2))) : null;
            }
            if (reservation == null) {
                reservation = refused(c, key);
            }
            sweep(c, nowMillis);
            return reservation;
        });
    }

    private static Reservation refused(SqliteDatabase.CachedConnection c, ThrottleKey key) throws SQLException {
        PreparedStatement select = c.prepare("SELECT attempts, window_end FROM login_attempts WHERE throttle_key = ?");
        select.setString(1, key.value());
        try (ResultSet r = select.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("a refused login counter vanished within its transaction");
            }
            return new Reservation(false, r.getInt(1), Instant.ofEpochMilli(r.getLong(2)));
        }
    }

    private static void sweep(SqliteDatabase.CachedConnection c, long nowMillis) throws SQLException {
        PreparedStatement delete = c.prepare("""
                DELETE FROM login_attempts WHERE rowid IN
                  (SELECT rowid FROM login_attempts WHERE window_end <= ? LIMIT ?)""");
        delete.setLong(1, nowMillis);
        delete.setInt(2, SWEEP_PER_RESERVATION);
        delete.executeUpdate();
    }

    @Override
    public void release(ThrottleKey key, Reservation granted) {
        db.writeUnsynced(c -> {
            PreparedStatement s = c.prepare("""
                    UPDATE login_attempts SET attempts = attempts - 1
                    WHERE throttle_key = ? AND window_end = ? AND attempts > 0""");
            s.setString(1, key.value());
            s.setLong(2, granted.windowEnd().toEpochMilli());
            return s.executeUpdate();
        });
    }

    @Override
    public void clear(ThrottleKey key) {
        db.writeUnsynced(c -> {
            PreparedStatement s = c.prepare("DELETE FROM login_attempts WHERE throttle_key = ?");
            s.setString(1, key.value());
            return s.executeUpdate();
        });
    }
}
