package dev.fileshare.store.local;

import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.StoreHealth;
import dev.fileshare.core.port.Stores;
import java.io.IOException;
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
        return open(dataDir, clock, Retention.DEFAULT);
    }

    /** As {@link #open(Path, Clock)}, keeping older versions and the trash as {@code retention} says. */
    public static Stores open(Path dataDir, Clock clock, Retention retention) {
        return open(dataDir, clock, retention, UnaryOperator.identity());
    }

    /** As {@link #open(Path, Clock)}, with every JDBC connection passed through {@code wrap} (tests count statements). */
    static Stores open(Path dataDir, Clock clock, UnaryOperator<Connection> wrap) {
        return open(dataDir, clock, Retention.DEFAULT, wrap);
    }

    static Stores open(Path dataDir, Clock clock, Retention retention, UnaryOperator<Connection> wrap) {
        try {
            PrivateFiles files = privateDataDirectory(dataDir);
            Path database = dataDir.resolve("fileshare.db");
            // SQLite gives its WAL and shared-memory files the database file's mode: created private, they are too.
            files.createFile(database);
            SqliteDatabase db = new SqliteDatabase(database, READERS, wrap);
            try {
                LocalSchema.apply(db);
                BlobDirectory blobDirectory = new BlobDirectory(dataDir, files);
                SqliteSessionStore sessions = new SqliteSessionStore(db);
                SqliteLinkStore links = new SqliteLinkStore(db, clock);
                LocalUploadStore uploads = new LocalUploadStore(db, dataDir, files);
                LocalBlobStore blobs = new LocalBlobStore(db, blobDirectory, clock, retention);
                recover(db, blobDirectory, sessions, links, uploads, blobs, clock);
                ExpirySweep sweep = ExpirySweep.start(blobs);
                return new Stores(
                        new SqliteUserStore(db),
                        sessions,
                        new SqliteShareStore(db),
                        new SqliteLoginAttemptStore(db),
                        links,
                        blobs,
                        Optional.of(uploads),
                        health(db, blobDirectory),
                        Optional.empty(),
                        Optional.of(new SqliteListingVersions(db)),
                        () -> {
                            sweep.close();
                            db.close();
                        });
            } catch (IOException | SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the local store in " + dataDir.toAbsolutePath(), e);
        }
    }

    /** Creates the data directory private, or makes an existing one private again (saying so), whatever it holds. */
    private static PrivateFiles privateDataDirectory(Path dataDir) throws IOException {
        PrivateFiles.createDirectory(dataDir);
        PrivateFiles files = PrivateFiles.in(dataDir);
        int tightened = files.tighten(dataDir);
        if (tightened > 0) {
            LOG.warning(() -> "local store: tightened the permissions of " + tightened + " path(s) in "
                    + dataDir.toAbsolutePath() + " to owner-only (directories 0700, files 0600)");
        }
        return files;
    }

    private static void recover(
            SqliteDatabase db,
            BlobDirectory blobDirectory,
            SqliteSessionStore sessions,
            SqliteLinkStore links,
            LocalUploadStore uploads,
            LocalBlobStore blobs,
            Clock clock)
            throws IOException {
        int expiredVersions = blobs.dropExpired(Integer.MAX_VALUE);
        Set<String> referenced = db.read(c -> {
            Set<String> ids = new HashSet<>();
            for (String table : new String[] {"files", "older_versions", "trash"}) {
                try (ResultSet r = c.prepare("SELECT blob_id FROM " + table).executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            return ids;
        });
        int swept = blobDirectory.sweep(referenced) + uploads.sweepOrphans();
        int expired = sessions.deleteExpired(clock.instant()) + uploads.deleteExpired(clock.instant());
        int purged = links.deletePurged(clock.instant());
        if (swept > 0 || expired > 0 || purged > 0 || expiredVersions > 0) {
            LOG.info(() -> "local store recovered: " + swept + " unreferenced blob(s), " + expired
                    + " expired session(s) and upload(s), " + purged + " ended link(s), " + expiredVersions
                    + " expired older version(s) and trashed file(s) removed");
        }
    }

    private static StoreHealth health(SqliteDatabase db, BlobDirectory blobDirectory) {
        return () -> {
            Map<String, Boolean> parts = new LinkedHashMap<>();
            parts.put("database", answers(db));
            parts.put("data-directory", blobDirectory.isWritable());
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
