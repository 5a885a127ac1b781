package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.port.StoreException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {
    /** SQLite's {@code PRAGMA synchronous} levels. */
    private static final int NORMAL = 1;

    private static final int FULL = 2;

    @TempDir
    Path dir;

    private SqliteDatabase db;

    @BeforeEach
    void open() throws SQLException {
        db = new SqliteDatabase(dir.resolve("test.db"), 2, UnaryOperator.identity());
        db.execute("CREATE TABLE counters(name TEXT PRIMARY KEY, n INTEGER NOT NULL)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aWriteWaitsForTheDiskAndAnUnsyncedWriteDoesNot() {
        int written = db.write(SqliteDatabaseTest::synchronous);
        int writtenUnsynced = db.writeUnsynced(SqliteDatabaseTest::synchronous);

        assertThat(written).isEqualTo(FULL);
        assertThat(writtenUnsynced).isEqualTo(NORMAL);
    }

    @Test
    void anUnsyncedCommitIsSeenAtOnceByReadersAndByTheSyncedWriter() {
        db.writeUnsynced(c -> update(c, "INSERT INTO counters(name, n) VALUES ('a', 1)"));

        int seen = db.read(c -> count(c, "a"));
        db.write(c -> update(c, "UPDATE counters SET n = n + 1 WHERE name = 'a'"));
        db.writeUnsynced(c -> update(c, "UPDATE counters SET n = n + 1 WHERE name = 'a'"));
        int afterBoth = db.read(c -> count(c, "a"));

        assertThat(seen).isEqualTo(1);
        assertThat(afterBoth).isEqualTo(3);
    }

    @Test
    void anUnsyncedWriteThatFailsKeepsNothing() {
        assertThatThrownBy(() -> db.writeUnsynced(c -> {
                    update(c, "INSERT INTO counters(name, n) VALUES ('b', 1)");
                    return update(c, "INSERT INTO counters(name, n) VALUES ('b', 2)"); // the same key: refused
                }))
                .isInstanceOf(StoreException.class);

        int kept = db.read(c -> count(c, "b"));
        assertThat(kept).isZero();
    }

    private static int synchronous(SqliteDatabase.CachedConnection c) throws SQLException {
        try (ResultSet r = c.prepare("PRAGMA synchronous").executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static int update(SqliteDatabase.CachedConnection c, String sql) throws SQLException {
        return c.prepare(sql).executeUpdate();
    }

    private static int count(SqliteDatabase.CachedConnection c, String name) throws SQLException {
        PreparedStatement s = c.prepare("SELECT coalesce(sum(n), 0) FROM counters WHERE name = ?");
        s.setString(1, name);
        try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
