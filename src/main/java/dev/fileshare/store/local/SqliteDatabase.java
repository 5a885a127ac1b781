package dev.fileshare.store.local;

import dev.fileshare.core.port.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One SQLite database in WAL mode: a single writer connection (SQLite serialises writers anyway) and a small
 * pool of reader connections, which WAL lets run beside the writer. Each connection caches its prepared
 * statements, so a request costs no SQL parsing.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final Duration POOL_WAIT = Duration.ofSeconds(30);

    private final CachedConnection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<CachedConnection> readers;
    private final List<CachedConnection> all = new ArrayList<>();
    /** Wraps each JDBC connection as it is opened: the identity, except in tests that count statements. */
    private final UnaryOperator<Connection> wrap;

    SqliteDatabase(Path file, int readerCount, UnaryOperator<Connection> wrap) throws SQLException {
        this.wrap = wrap;
        this.writer = open(file, false);
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            readers.add(open(file, true));
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(CachedConnection connection) throws SQLException;
    }

    /** Runs read-only work on a pooled connection. */
    <T> T read(Work<T> work) {
        CachedConnection connection = borrow();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("SQLite read failed", e);
        } finally {
            readers.add(connection);
        }
    }

    /** Runs {@code work} in one transaction on the writer: all of it commits, or none of it. */
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            Connection c = writer.connection;
            try {
                T result = work.run(writer);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new StoreException("SQLite write failed", (SQLException) e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs schema statements once, outside the pool's statement caches. */
    void execute(String... statements) throws SQLException {
        writeLock.lock();
        try (Statement s = writer.connection.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
            writer.connection.commit();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        for (CachedConnection c : all) {
            c.close();
        }
    }

    private CachedConnection borrow() {
        try {
            CachedConnection c = readers.poll(POOL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (c == null) {
                throw new StoreException("no SQLite reader free within " + POOL_WAIT, null);
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for SQLite", null);
        }
    }

    private CachedConnection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit the client was told about survives a power cut, not only a killed process.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        // Multi-thread mode: SQLite takes no mutex of its own on each call, since one thread at a time uses a
        // connection here (the pool hands a reader to one caller; the writer is behind writeLock). Its locks cost
        // about 4 % of the CPU of a 1,000-file listing.
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        Connection connection = wrap.apply(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        connection.setAutoCommit(readOnly);
        CachedConnection cached = new CachedConnection(connection);
        synchronized (all) {
            all.add(cached);
        }
        return cached;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A connection and the statements prepared on it, reused across calls. Used by one thread at a time. */
    static final class CachedConnection {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        private CachedConnection(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement s = statements.get(sql);
            if (s == null) {
                s = connection.prepareStatement(sql);
                statements.put(sql, s);
            } else {
                s.clearParameters();
            }
            return s;
        }

        private void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing at shutdown: nothing left to do with the error
            }
        }
    }
}
