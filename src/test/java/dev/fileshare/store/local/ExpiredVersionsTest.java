package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.MutableClock;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.Stores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Older versions and trashed files past their age leave the disk, not only the listings: dropped by the sweep and
 * by the recovery at start-up, blob files with their rows; an overwrite past {@code keep} drops the oldest at once.
 */
class ExpiredVersionsTest {
    private static final Retention RETENTION = new Retention(2, Duration.ofDays(30), Duration.ofDays(7));
    private static final FileKey NOTES = new FileKey(new Username("alice"), new FileName("notes.txt"));
    private static final FileKey GONE = new FileKey(new Username("alice"), new FileName("gone.txt"));

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void anOverwritePastKeepDeletesTheOldestBlobAtOnce() throws IOException {
        try (Stores store = LocalStore.open(dataDir, clock, RETENTION)) {
            for (int i = 1; i <= 5; i++) {
                write(store, NOTES, "version " + i);
            }
            assertThat(blobFiles()).isEqualTo(1 + RETENTION.keep());
        }
    }

    @Test
    void theStartUpRecoveryDropsWhatOutlivedItsAge() throws IOException {
        try (Stores store = LocalStore.open(dataDir, clock, RETENTION)) {
            write(store, NOTES, "one");
            write(store, NOTES, "two");
            write(store, GONE, "trashed");
            store.blobs().delete(GONE);
            assertThat(blobFiles()).isEqualTo(3);
        }
        clock.advance(RETENTION.trashMaxAge());
        try (Stores store = LocalStore.open(dataDir, clock, RETENTION)) {
            assertThat(blobFiles()).as("the trashed file is purged").isEqualTo(2);
            assertThat(store.blobs().usage(NOTES.owner()).bytes())
                    .as("\"two\" and the kept \"one\"")
                    .isEqualTo(6);
        }
        clock.advance(RETENTION.versionMaxAge());
        try (Stores store = LocalStore.open(dataDir, clock, RETENTION)) {
            assertThat(blobFiles()).as("only the current version is left").isEqualTo(1);
            assertThat(store.blobs().versions(NOTES)).hasSize(1);
        }
    }

    @Test
    void theSweepDropsRowsAndBlobsInBatches() throws IOException {
        try (Stores store = LocalStore.open(dataDir, clock, RETENTION)) {
            LocalBlobStore blobs = (LocalBlobStore) store.blobs();
            write(store, NOTES, "one");
            write(store, NOTES, "two");
            write(store, GONE, "trashed");
            store.blobs().delete(GONE);
            assertThat(blobs.dropExpired(10)).as("nothing is old yet").isZero();

            clock.advance(RETENTION.versionMaxAge());

            assertThat(blobs.dropExpired(10)).isEqualTo(2);
            assertThat(blobFiles()).isEqualTo(1);
            assertThat(blobs.dropExpired(10)).isZero();
        }
    }

    private static void write(Stores store, FileKey key, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.blobs().write(key, new ByteArrayInputStream(bytes), bytes.length, WriteCondition.ALWAYS);
    }

    private long blobFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
