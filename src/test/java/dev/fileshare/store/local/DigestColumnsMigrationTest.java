package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory from before digests were kept: its tables gain the {@code sha256} column when the store opens,
 * its rows have no digest (and so no Repr-Digest), and what is written from then on has one.
 */
class DigestColumnsMigrationTest {
    private static final Username ALICE = new Username("alice");
    private static final String OLD_BLOB = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void anOldDatabaseGainsTheColumnsAndItsRowsHaveNoDigest() throws Exception {
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
                Statement s = old.createStatement()) {
            // The version tables as they were made before this change.
            s.executeUpdate("CREATE TABLE files (owner TEXT NOT NULL, file_name TEXT NOT NULL,"
                    + " blob_id TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, modified INTEGER NOT NULL,"
                    + " PRIMARY KEY (owner, file_name))");
            s.executeUpdate("CREATE TABLE older_versions (seq INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL,"
                    + " file_name TEXT NOT NULL, blob_id TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,"
                    + " modified INTEGER NOT NULL, replaced INTEGER NOT NULL, in_trash INTEGER NOT NULL DEFAULT 0)");
            s.executeUpdate("CREATE TABLE trash (owner TEXT NOT NULL, file_name TEXT NOT NULL,"
                    + " blob_id TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, modified INTEGER NOT NULL,"
                    + " deleted INTEGER NOT NULL, PRIMARY KEY (owner, file_name))");
            s.executeUpdate("CREATE TABLE uploads (upload_id TEXT PRIMARY KEY, owner TEXT NOT NULL,"
                    + " file_name TEXT NOT NULL, length INTEGER NOT NULL, received INTEGER NOT NULL,"
                    + " condition TEXT NOT NULL, expires_at INTEGER NOT NULL)");
            s.executeUpdate("INSERT INTO files VALUES ('alice', 'old.txt', '" + OLD_BLOB + "', 3, 1700000000000)");
        }

        try (Stores stores = LocalStore.open(dataDir, Clock.systemUTC())) {
            FileVersion old = stores.blobs().find(key("old.txt")).orElseThrow();
            assertThat(old.etag()).isEqualTo("\"" + OLD_BLOB + "\"");
            assertThat(old.sha256()).isEmpty();

            byte[] content = "new".getBytes(StandardCharsets.UTF_8);
            stores.blobs().write(key("old.txt"), new ByteArrayInputStream(content), 3, WriteCondition.ALWAYS);

            assertThat(stores.blobs().find(key("old.txt")).orElseThrow().sha256())
                    .contains(Sha256Digest.ofContent(content));
            assertThat(stores.blobs().versions(key("old.txt")))
                    .extracting(v -> v.entry().sha256().isPresent())
                    .containsExactly(true, false);
        }
        // Opening it again finds the columns there and adds nothing.
        try (Stores again = LocalStore.open(dataDir, Clock.systemUTC())) {
            assertThat(again.blobs().find(key("old.txt")).orElseThrow().sha256())
                    .isPresent();
        }
    }

    private static FileKey key(String name) {
        return new FileKey(ALICE, new FileName(name));
    }
}
