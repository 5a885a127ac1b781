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
 * One SQLite database in WAL mode: a single writer connection (SQLite serialises writers anyway), its unsynced twin
 * behind the same lock, and a small pool of reader connections, which WAL lets run beside the writer. Each
 * connection caches its prepared statements, so a request costs no SQL parsing.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final Duration POOL_WAIT = Duration.ofSeconds(30);

    private final CachedConnection writer;
    /** The writer's twin whose commits do not wait for the disk ({@link #writeUnsynced}); behind the same lock. */
    private final CachedConnection unsyncedWriter;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<CachedConnection> readers;
    private final List<CachedConnection> all = new ArrayList<>();
    /** Wraps each JDBC connection as it is opened: the identity, except in tests that count statements. */
    private final UnaryOperator<Connection> wrap;

    SqliteDatabase(Path file, int readerCount, UnaryOperator<Connection> wrap) throws SQLException {
        this.wrap = wrap;
        this.writer = open(file, false, SQLiteConfig.SynchronousMode.FULL);
        this.unsyncedWriter = open(file, false, SQLiteConfig.SynchronousMode.NORMAL);
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            readers.add(open(file, true, SQLiteConfig.SynchronousMode.FULL));
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

    /** Runs {@code work} in one transaction on the writer: all of it commits, or none of it, on disk on return. */
    <T> T write(Work<T> work) {
        return write(writer, work);
    }

    /**
     * As {@link #write}, but the commit does not wait for the disk: it is in the write-ahead log, which survives the
     * process being killed, and the next {@link #write} (which syncs that same log) or checkpoint puts it on disk;
     * a power cut before then loses it. For rows whose loss costs nothing but a moment's protection, written often:
     * the login throttle's counters, six commits a login and three a wrong guess, each an fsync otherwise.
     */
    <T> T writeUnsynced(Work<T> work) {
        return write(unsyncedWriter, work);
    }

    private <T> T write(CachedConnection connection, Work<T> work) {
        writeLock.lock();
        try {
            Connection c = connection.connection;
            try {
                T result = work.run(connection);
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

    /**
     * @param synchronous FULL: a commit the client was told about survives a power cut, not only a killed process;
     *     NORMAL (WAL mode): it survives a killed process, and a power cut once a later FULL commit synced the log
     */
    private CachedConnection open(Path file, boolean readOnly, SQLiteConfig.SynchronousMode synchronous)
            throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        // Multi-thread mode: SQLite takes no mutex of its own on each call, since one thread at a time uses a
        // connection here (the pool hands a reader to one caller; the writers are behind writeLock). Mutexes, SQLite's
        // among them, were 4.4 % of the CPU of a 1,000-file listing.
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
