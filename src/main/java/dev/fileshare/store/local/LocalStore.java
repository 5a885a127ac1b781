package dev.fileshare.store.local;

import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.StoreHealth;
import dev.fileshare.core.port.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/** The embedded store: one data directory holding {@code fileshare.db} (SQLite) and the blob files. */
public final class LocalStore {
    private static final Logger LOG = Logger.getLogger(LocalStore.class.getName());
    private static final int READERS = 8;

    private LocalStore() {}

    /**
     * Opens (creating if needed) the store in {@code dataDir} and clears what a crash may have left behind.
     * Closing the ports closes the database. The local mode signs transfer URLs itself, so there are none here.
     */
    public static Stores open(Path dataDir, Clock clock) {
        return open(dataDir, clock, UnaryOperator.identity());
    }

    /** As {@link #open(Path, Clock)}, with every JDBC connection passed through {@code wrap} (tests count statements). */
    static Stores open(Path dataDir, Clock clock, UnaryOperator<Connection> wrap) {
        try {
            Files.createDirectories(dataDir);
            SqliteDatabase db = new SqliteDatabase(dataDir.resolve("fileshare.db"), READERS, wrap);
            try {
                LocalSchema.apply(db);
                BlobDirectory blobDirectory = new BlobDirectory(dataDir);
                SqliteSessionStore sessions = new SqliteSessionStore(db);
                LocalUploadStore uploads = new LocalUploadStore(db, dataDir);
                recover(db, blobDirectory, sessions, uploads, clock);
                return new Stores(
                        new SqliteUserStore(db),
                        sessions,
                        new SqliteShareStore(db),
                        new SqliteLoginAttemptStore(db),
                        new LocalBlobStore(db, blobDirectory, clock),
                        Optional.of(uploads),
                        health(db, blobDirectory),
                        Optional.empty(),
                        db);
            } catch (IOException | SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the local store in " + dataDir.toAbsolutePath(), e);
        }
    }

    private static void recover(
            SqliteDatabase db,
            BlobDirectory blobDirectory,
            SqliteSessionStore sessions,
            LocalUploadStore uploads,
            Clock clock)
            throws IOException {
        Set<String> referenced = db.read(c -> {
            Set<String> ids = new HashSet<>();
            try (ResultSet r = c.prepare("SELECT blob_id FROM files").executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        });
        int swept = blobDirectory.sweep(referenced) + uploads.sweepOrphans();
        int expired = sessions.deleteExpired(clock.instant()) + uploads.deleteExpired(clock.instant());
        if (swept > 0 || expired > 0) {
            LOG.info(() -> "local store recovered: " + swept + " unreferenced blob(s), " + expired
                    + " expired session(s) and upload(s) removed");
        }
    }

    private static StoreHealth health(SqliteDatabase db, BlobDirectory blobDirectory) {
        return () -> {
            Map<String, Boolean> parts = new LinkedHashMap<>();
            parts.put("sqlite", answers(db));
            parts.put("data-dir", blobDirectory.isWritable());
            return parts;
        };
    }

    private static boolean answers(SqliteDatabase db) {
        try {
            return db.read(c -> {
                try (ResultSet r = c.prepare("SELECT 1").executeQuery()) {
                    return r.next();
                }
            });
        } catch (StoreException e) {
            return false;
        }
    }
}
