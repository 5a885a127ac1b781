package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.StagedUpload;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UploadStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restart does with uploads in progress: keeps the live ones, removes the expired and the orphaned bytes. */
class LocalUploadRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsLiveUploadsAndRemovesExpiredOnesWithTheirBytes() throws Exception {
        try (Stores stores = LocalStore.open(dataDir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            UploadStore uploads = stores.uploads().orElseThrow();
            uploads.create(upload("live", NOW.plusSeconds(3600)));
            uploads.create(upload("stale", NOW.plusSeconds(60)));
            uploads.append("live", 0, new ByteArrayInputStream(new byte[] {1, 2}), NOW.plusSeconds(3600));
            uploads.append("stale", 0, new ByteArrayInputStream(new byte[] {3}), NOW.plusSeconds(60));
            // bytes of an upload whose row never committed, as a crash between the two leaves them
            Files.write(dataDir.resolve("uploads").resolve("orphan"), new byte[] {9});
        }

        try (Stores stores = LocalStore.open(dataDir, Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC))) {
            UploadStore uploads = stores.uploads().orElseThrow();
            StagedUpload live = uploads.find("live").orElseThrow();
            assertThat(live.offset()).isEqualTo(2);
            try (InputStream bytes = uploads.open(live)) {
                assertThat(bytes.readAllBytes()).containsExactly(1, 2);
            }
            assertThat(uploads.find("stale")).isEmpty();
        }
        assertThat(dataDir.resolve("uploads").resolve("stale")).doesNotExist();
        assertThat(dataDir.resolve("uploads").resolve("orphan")).doesNotExist();
    }

    private static StagedUpload upload(String id, Instant expires) {
        return new StagedUpload(
                id,
                new FileKey(new Username("alice"), new FileName(id + ".bin")),
                10,
                0,
                WriteCondition.ALWAYS,
                expires);
    }
}
