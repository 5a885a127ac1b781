package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.ChecksumMismatchException;
import dev.fileshare.core.model.ChunkChecksum;
import dev.fileshare.core.model.ContentTooLargeException;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.UploadConflictException;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.StagedUpload;
import dev.fileshare.core.port.UploadStore;
import dev.fileshare.store.memory.MemoryUploadStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumableUploadTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final MemoryUploadStore store = new MemoryUploadStore();
    private final UploadService uploads = new UploadService(
            store,
            fixture.files,
            new UploadService.Limits(2, Duration.ofHours(1), 100, 8),
            new SecureRandom(),
            fixture.clock);

    @Test
    void theLastChunkStoresTheFileAndEndsTheUpload() throws IOException {
        StagedUpload upload =
                uploads.create(ALICE, name("a.txt"), 11, WriteCondition.ALWAYS).upload();

        assertThat(append(upload, 0, "hello ").stored()).isEmpty();
        UploadService.Appended last = append(upload, 6, "world");

        FileVersion stored = last.stored().orElseThrow().entry();
        assertThat(stored.size()).isEqualTo(11);
        assertThat(fixture.read(ALICE, ALICE, "a.txt")).isEqualTo("hello world");
        assertThat(store.find(upload.id())).isEmpty();
    }

    @Test
    void anUploadWhoseFileIsNotTheAnnouncedDigestStoresNothingAndEnds() throws IOException {
        fixture.files.upload(ALICE, name("d.txt"), stream("before"), 6, WriteCondition.ALWAYS);
        Sha256Digest announced = Sha256Digest.ofContent("hello world".getBytes(StandardCharsets.UTF_8));
        StagedUpload upload = uploads.create(ALICE, name("d.txt"), 11, WriteCondition.ALWAYS, Optional.of(announced))
                .upload();
        append(upload, 0, "hello ");

        assertThatThrownBy(() -> append(upload, 6, "earth"))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("nothing was stored");

        assertThat(fixture.read(ALICE, ALICE, "d.txt")).isEqualTo("before");
        assertThat(store.find(upload.id())).isEmpty();
        StagedUpload again = uploads.create(ALICE, name("d.txt"), 11, WriteCondition.ALWAYS, Optional.of(announced))
                .upload();
        append(again, 0, "hello ");
        assertThat(append(again, 6, "world").stored().orElseThrow().entry().sha256())
                .contains(announced);
        assertThat(fixture.read(ALICE, ALICE, "d.txt")).isEqualTo("hello world");
    }

    @Test
    void anEmptyUploadIsCheckedAgainstItsDigestAsItIsCreated() {
        Sha256Digest ofSomething = Sha256Digest.ofContent(new byte[] {1});

        assertThatThrownBy(
                        () -> uploads.create(ALICE, name("e.txt"), 0, WriteCondition.ALWAYS, Optional.of(ofSomething)))
                .isInstanceOf(ChecksumMismatchException.class);
        assertThat(fixture.files.list(ALICE)).isEmpty();
    }

    @Test
    void aChunkAtAnotherOffsetIsAConflict() throws IOException {
        StagedUpload upload =
                uploads.create(ALICE, name("b.txt"), 10, WriteCondition.ALWAYS).upload();
        append(upload, 0, "abc");

        assertThatThrownBy(() -> append(upload, 0, "abc")).isInstanceOf(UploadConflictException.class);
    }

    @Test
    void aChunkWithAWrongChecksumKeepsNothing() throws IOException {
        StagedUpload upload =
                uploads.create(ALICE, name("c.txt"), 6, WriteCondition.ALWAYS).upload();
        ChunkChecksum ofOther = ChunkChecksum.parse("sha256 " + sha256("xyz"));

        assertThatThrownBy(() -> uploads.append(ALICE, upload.id(), 0, stream("abc"), 3, Optional.of(ofOther)))
                .isInstanceOf(ChecksumMismatchException.class);
        assertThat(uploads.describe(ALICE, upload.id()).offset()).isZero();

        ChunkChecksum right = ChunkChecksum.parse("sha256 " + sha256("abc"));
        assertThat(uploads.append(ALICE, upload.id(), 0, stream("abc"), 3, Optional.of(right))
                        .upload()
                        .offset())
                .isEqualTo(3);
    }

    @Test
    void chunksAndUploadsAreBounded() throws IOException {
        assertThatThrownBy(() -> uploads.create(ALICE, name("big"), 101, WriteCondition.ALWAYS))
                .isInstanceOf(ContentTooLargeException.class);
        StagedUpload upload =
                uploads.create(ALICE, name("d.txt"), 20, WriteCondition.ALWAYS).upload();

        assertThatThrownBy(() -> append(upload, 0, "123456789")).isInstanceOf(ContentTooLargeException.class);
        assertThatThrownBy(() -> uploads.append(ALICE, upload.id(), 0, stream("123456789"), -1, Optional.empty()))
                .isInstanceOf(ContentTooLargeException.class);
        assertThat(uploads.describe(ALICE, upload.id()).offset()).isZero();
    }

    @Test
    void aUserHasABoundedNumberOfOpenUploads() throws IOException {
        uploads.create(ALICE, name("1"), 1, WriteCondition.ALWAYS);
        StagedUpload second =
                uploads.create(ALICE, name("2"), 1, WriteCondition.ALWAYS).upload();

        assertThatThrownBy(() -> uploads.create(ALICE, name("3"), 1, WriteCondition.ALWAYS))
                .isInstanceOf(UploadConflictException.class);
        uploads.create(BOB, name("3"), 1, WriteCondition.ALWAYS);

        uploads.terminate(ALICE, second.id());
        uploads.create(ALICE, name("3"), 1, WriteCondition.ALWAYS);
    }

    @Test
    void anotherUserCannotSeeOrTouchAnUpload() throws IOException {
        StagedUpload upload =
                uploads.create(ALICE, name("e.txt"), 3, WriteCondition.ALWAYS).upload();

        assertThatThrownBy(() -> uploads.describe(BOB, upload.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> uploads.append(BOB, upload.id(), 0, stream("abc"), 3, Optional.empty()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> uploads.terminate(BOB, upload.id())).isInstanceOf(NotFoundException.class);
        assertThat(store.find(upload.id())).isPresent();
    }

    @Test
    void anExpiredUploadIsGoneWithItsBytes() throws IOException {
        StagedUpload upload =
                uploads.create(ALICE, name("f.txt"), 3, WriteCondition.ALWAYS).upload();
        StagedUpload other =
                uploads.create(BOB, name("f.txt"), 3, WriteCondition.ALWAYS).upload();
        fixture.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> uploads.describe(ALICE, upload.id())).isInstanceOf(NotFoundException.class);
        assertThat(store.find(upload.id())).isEmpty();
        assertThat(uploads.sweepExpired()).isEqualTo(1);
        assertThat(store.find(other.id())).isEmpty();
    }

    @Test
    void anEmptyUploadIsStoredAsItIsCreated() throws IOException {
        UploadService.Appended created = uploads.create(ALICE, name("empty"), 0, WriteCondition.ALWAYS);

        assertThat(created.stored().orElseThrow().entry().size()).isZero();
        assertThat(fixture.read(ALICE, ALICE, "empty")).isEmpty();
        assertThat(store.find(created.upload().id())).isEmpty();
    }

    @Test
    void anUploadWhoseCommitFailedIsCommittedWhenTheClientAsksWhereItStands() throws IOException {
        UploadStore failingOnce = new UploadStore() {
            private boolean failed;

            @Override
            public void create(StagedUpload upload) {
                store.create(upload);
            }

            @Override
            public Optional<StagedUpload> find(String id) {
                return store.find(id);
            }

            @Override
            public StagedUpload append(String id, long offset, InputStream content, java.time.Instant expires)
                    throws IOException {
                return store.append(id, offset, content, expires);
            }

            @Override
            public InputStream open(StagedUpload upload) throws IOException {
                if (!failed) {
                    failed = true;
                    throw new IOException("the store is unreachable");
                }
                return store.open(upload);
            }

            @Override
            public boolean delete(String id) {
                return store.delete(id);
            }

            @Override
            public int count(dev.fileshare.core.model.Username owner) {
                return store.count(owner);
            }

            @Override
            public java.util.List<String> expired(java.time.Instant now, int max) {
                return store.expired(now, max);
            }
        };
        UploadService service = new UploadService(
                failingOnce,
                fixture.files,
                new UploadService.Limits(2, Duration.ofHours(1), 100, 8),
                new SecureRandom(),
                fixture.clock);
        StagedUpload upload =
                service.create(ALICE, name("m.txt"), 3, WriteCondition.ALWAYS).upload();
        assertThatThrownBy(() -> service.append(ALICE, upload.id(), 0, stream("abc"), 3, Optional.empty()))
                .isInstanceOf(IOException.class);

        UploadService.Appended resumed = service.resume(ALICE, upload.id());

        assertThat(resumed.upload().offset()).isEqualTo(3);
        assertThat(resumed.stored()).isPresent();
        assertThat(fixture.read(ALICE, ALICE, "m.txt")).isEqualTo("abc");
    }

    @Test
    void eachChunkKeepsTheUploadAlive() throws IOException {
        StagedUpload upload =
                uploads.create(ALICE, name("k.txt"), 6, WriteCondition.ALWAYS).upload();
        fixture.clock.advance(Duration.ofMinutes(50));
        append(upload, 0, "abc");
        fixture.clock.advance(Duration.ofMinutes(50));

        assertThat(uploads.describe(ALICE, upload.id()).offset()).isEqualTo(3);
    }

    @Test
    void theWriteConditionIsCheckedAtCreationAndAtCommit() throws IOException {
        fixture.upload(ALICE, "g.txt", "old");
        assertThatThrownBy(() -> uploads.create(ALICE, name("g.txt"), 3, WriteCondition.ONLY_IF_ABSENT))
                .isInstanceOf(PreconditionFailedException.class);

        StagedUpload upload = uploads.create(ALICE, name("h.txt"), 3, WriteCondition.ONLY_IF_ABSENT)
                .upload();
        fixture.upload(ALICE, "h.txt", "raced");

        assertThatThrownBy(() -> append(upload, 0, "new")).isInstanceOf(PreconditionFailedException.class);
        assertThat(fixture.read(ALICE, ALICE, "h.txt")).isEqualTo("raced");
        assertThat(store.find(upload.id())).isEmpty();
    }

    private UploadService.Appended append(StagedUpload upload, long offset, String chunk) throws IOException {
        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
        return uploads.append(
                ALICE, upload.id(), offset, new ByteArrayInputStream(bytes), bytes.length, Optional.empty());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
