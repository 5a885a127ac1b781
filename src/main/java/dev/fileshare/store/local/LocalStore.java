package dev.fileshare.store.local;

import dev.fileshare.store.BlobStore;
import dev.fileshare.store.LoginFailureStore;
import dev.fileshare.store.SessionStore;
import dev.fileshare.store.ShareStore;
import dev.fileshare.store.StoreException;
import dev.fileshare.store.StoreHealth;
import dev.fileshare.store.Stores;
import dev.fileshare.store.UserStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** The embedded store: one data directory holding {@code fileshare.db} (SQLite) and the blob files. */
public final class LocalStore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalStore.class.getName());
    private static final int READERS = 8;

    private final Path dataDir;
    private final SqliteDatabase db;
    private final BlobDirectory blobDirectory;
    private final SqliteUserStore users;
    private final SqliteSessionStore sessions;
    private final SqliteShareStore shares;
    private final SqliteLoginFailureStore loginFailures;
    private final LocalBlobStore blobs;

    private LocalStore(Path dataDir, SqliteDatabase db, BlobDirectory blobDirectory, Clock clock) {
        this.dataDir = dataDir;
        this.db = db;
        this.blobDirectory = blobDirectory;
        this.users = new SqliteUserStore(db);
        this.sessions = new SqliteSessionStore(db);
        this.shares = new SqliteShareStore(db);
        this.loginFailures = new SqliteLoginFailureStore(db);
        this.blobs = new LocalBlobStore(db, blobDirectory, clock);
    }

    /** Opens (creating if needed) the store in {@code dataDir} and clears what a crash may have left behind. */
    public static LocalStore open(Path dataDir, Clock clock) {
        try {
            Files.createDirectories(dataDir);
            SqliteDatabase db = new SqliteDatabase(dataDir.resolve("fileshare.db"), READERS);
            LocalSchema.apply(db);
            BlobDirectory blobDirectory = new BlobDirectory(dataDir);
            LocalStore store = new LocalStore(dataDir, db, blobDirectory, clock);
            store.recover(clock);
            return store;
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the local store in " + dataDir.toAbsolutePath(), e);
        }
    }

    private void recover(Clock clock) throws IOException {
        Set<String> referenced = db.read(c -> {
            Set<String> ids = new HashSet<>();
            try (ResultSet r = c.prepare("SELECT blob_id FROM files").executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        });
        int swept = blobDirectory.sweep(referenced);
        int expired = sessions.deleteExpired(clock.instant());
        if (swept > 0 || expired > 0) {
            LOG.info(() -> "local store recovered: " + swept + " unreferenced blob(s), " + expired + " expired session(s) removed");
        }
    }

    public UserStore users() {
        return users;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public ShareStore shares() {
        return shares;
    }

    public LoginFailureStore loginFailures() {
        return loginFailures;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public StoreHealth health() {
        return () -> {
            Map<String, Boolean> parts = new LinkedHashMap<>();
            parts.put("sqlite", sqliteAnswers());
            parts.put("data-dir", blobDirectory.isWritable());
            return parts;
        };
    }

    /** The ports of this store (transfer URLs are the service's own); closing them closes the store. */
    public Stores stores() {
        return new Stores(users, sessions, shares, loginFailures, blobs, health(), Optional.empty(), this);
    }

    public Path dataDir() {
        return dataDir;
    }

    private boolean sqliteAnswers() {
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

    @Override
    public void close() {
        db.close();
    }
}
