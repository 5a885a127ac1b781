package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.StagedUpload;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UploadStore;
import dev.fileshare.tools.AwsStandIns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the contract's small chunks cannot see: chunks that fill S3 parts and chunks below a part held until the
 * next, an upload begun by one instance of the service and finished by another on the same bucket and tables,
 * two appends at one offset, and the staged bytes freed once the upload ends.
 */
@ExtendWith(AwsStandInsExtension.class)
class DynamoUploadStoreTest {
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");
    private static final int MIB = 1024 * 1024;

    private AwsSettings config;
    private Stores first;
    private Stores second;
    private AwsClients clients;

    @BeforeEach
    void open(AwsStandIns standIns) {
        config = TestResources.named(standIns, UUID.randomUUID().toString().substring(0, 12), true);
        first = AwsStore.open(config, Duration.ofMinutes(15));
        second = AwsStore.open(config, Duration.ofMinutes(15));
        clients = AwsClients.create(config);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        clients.close();
    }

    @Test
    void anUploadBegunOnOneInstanceFinishesOnAnotherWithEveryByteInOrder() throws Exception {
        byte[] content = randomBytes(13 * MIB + 123);
        StagedUpload upload = upload("big", content.length);
        uploads(first).create(upload);

        // below a part, then across a part boundary, then a cut-off chunk, then the rest: alternating instances
        uploads(first).append("big", 0, slice(content, 0, 3 * MIB), LATER);
        uploads(second).append("big", 3 * MIB, slice(content, 3 * MIB, 6 * MIB), LATER);
        InputStream cutOff = new SequenceInputStream(slice(content, 9 * MIB, 3 * MIB), failing());
        assertThatThrownBy(() -> uploads(first).append("big", 9 * MIB, cutOff, LATER))
                .isInstanceOf(IOException.class);
        assertThat(uploads(second).find("big").orElseThrow().offset()).isEqualTo(9 * MIB);
        StagedUpload done =
                uploads(second).append("big", 9 * MIB, slice(content, 9 * MIB, content.length - 9 * MIB), LATER);

        assertThat(done.complete()).isTrue();
        try (InputStream all = uploads(first).open(uploads(first).find("big").orElseThrow())) {
            assertThat(sha256(all.readAllBytes())).isEqualTo(sha256(content));
        }
    }

    @Test
    void ofTwoAppendsAtOneOffsetTheSecondIsRefusedWhileTheFirstStreams() throws Exception {
        uploads(first).create(upload("race", 10));
        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch refused = new CountDownLatch(1);
        InputStream slow = new SequenceInputStream(new ByteArrayInputStream("abcde".getBytes()), new InputStream() {
            @Override
            public int read() throws IOException {
                streaming.countDown();
                try {
                    refused.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return -1;
            }
        });
        CompletableFuture<StagedUpload> winner =
                CompletableFuture.supplyAsync(() -> appendQuietly(uploads(first), "race", slow));
        assertThat(streaming.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> uploads(second).append("race", 0, new ByteArrayInputStream("XYZ".getBytes()), LATER))
                .isInstanceOfSatisfying(
                        UploadStore.OffsetConflictException.class,
                        e -> assertThat(e.current()).isZero());
        refused.countDown();

        assertThat(winner.get(30, TimeUnit.SECONDS).offset()).isEqualTo(5);
        StagedUpload done = uploads(second).append("race", 5, new ByteArrayInputStream("fghij".getBytes()), LATER);
        try (InputStream all = uploads(second).open(done)) {
            assertThat(new String(all.readAllBytes())).isEqualTo("abcdefghij");
        }
    }

    @Test
    void deletingAnUploadFreesItsHeldAndStagedBytes() throws IOException {
        uploads(first).create(upload("held", 20));
        uploads(first).append("held", 0, new ByteArrayInputStream(new byte[7]), LATER);
        uploads(first).create(upload("staged", 5));
        uploads(first).append("staged", 0, new ByteArrayInputStream(new byte[5]), LATER);
        assertThat(stagedObjects()).isEqualTo(2);

        assertThat(uploads(second).delete("held")).isTrue();
        assertThat(uploads(second).delete("staged")).isTrue();

        assertThat(stagedObjects()).isZero();
        assertThat(clients.s3()
                        .listMultipartUploads(
                                list -> list.bucket(config.bucket()).prefix(S3StagedBytes.PREFIX))
                        .uploads())
                .isEmpty();
    }

    /** Objects under the staging prefix. */
    private int stagedObjects() {
        return clients.s3()
                .listObjectsV2(list -> list.bucket(config.bucket()).prefix(S3StagedBytes.PREFIX))
                .contents()
                .size();
    }

    private static StagedUpload appendQuietly(UploadStore store, String id, InputStream content) {
        try {
            return store.append(id, 0, content, LATER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UploadStore uploads(Stores stores) {
        return stores.uploads().orElseThrow();
    }

    private static StagedUpload upload(String id, long length) {
        return new StagedUpload(
                id,
                new FileKey(new Username("alice"), new FileName(id + ".bin")),
                length,
                0,
                WriteCondition.ALWAYS,
                LATER);
    }

    private static InputStream slice(byte[] content, int from, int length) {
        return new ByteArrayInputStream(content, from, length);
    }

    private static InputStream failing() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(18).nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
