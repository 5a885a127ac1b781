package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.QuotaExceededException;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.Stores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store checks a quota in the transaction that commits the write: exact, however many writes race. */
class LocalQuotaTest {
    private static final Username ALICE = new Username("alice");
    private static final Quota TEN_BYTES = new Quota(OptionalLong.of(10), OptionalLong.empty());

    @TempDir
    Path dataDir;

    private Stores stores;

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    private BlobStore blobs() {
        if (stores == null) {
            stores = LocalStore.open(dataDir, Clock.systemUTC());
        }
        return stores.blobs();
    }

    @Test
    void racingWritesNeverTogetherPassTheQuota() throws Exception {
        BlobStore blobs = blobs();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                FileKey key = new FileKey(ALICE, new FileName("f" + i));
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        blobs.write(key, new ByteArrayInputStream(new byte[3]), 3, WriteCondition.ALWAYS, TEN_BYTES);
                        return true;
                    } catch (QuotaExceededException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int stored = 0;
            for (Future<Boolean> result : results) {
                stored += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            // Three files of 3 bytes fit in 10; a check outside the commit's transaction would let more through.
            assertThat(stored).isEqualTo(3);
            assertThat(blobs.usage(ALICE)).isEqualTo(new Usage(3, 9));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedCommitDeletesTheBlobItWrote() throws IOException {
        BlobStore blobs = blobs();
        blobs.write(
                new FileKey(ALICE, new FileName("kept")),
                new ByteArrayInputStream(new byte[8]),
                8,
                WriteCondition.ALWAYS,
                TEN_BYTES);
        assertThat(blobFiles()).hasSize(1);

        // Of unknown length: the blob is on disk before the commit finds it too large.
        assertThatThrownBy(() -> blobs.write(
                        new FileKey(ALICE, new FileName("refused")),
                        new ByteArrayInputStream(new byte[5]),
                        -1,
                        WriteCondition.ALWAYS,
                        TEN_BYTES))
                .isInstanceOf(QuotaExceededException.class);

        assertThat(blobFiles()).hasSize(1);
        try (Stream<Path> parts = Files.list(dataDir.resolve("tmp"))) {
            assertThat(parts).isEmpty();
        }
    }

    private List<Path> blobFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
