package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public abstract class UploadStoreContract {
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");
    private static final Username ALICE = new Username("alice");

    protected abstract UploadStore store();

    @Test
    void aNewUploadStandsAtZeroAndKeepsItsTerms() throws IOException {
        StagedUpload upload = upload("up1", 10, new WriteCondition.OnlyIfMatches("\"abc\""), LATER);
        store().create(upload);

        assertThat(store().find("up1")).contains(upload);
        assertThat(store().find("unknown")).isEmpty();
    }

    @Test
    void keepsTheDigestAnnouncedForTheWholeFileThroughItsAppends() throws IOException {
        Sha256Digest announced = Sha256Digest.ofContent(new byte[] {1, 2});
        StagedUpload upload = new StagedUpload(
                "up9",
                new FileKey(ALICE, new FileName("digest.bin")),
                2,
                0,
                WriteCondition.ALWAYS,
                LATER,
                java.util.Optional.of(announced));
        store().create(upload);
        store().create(upload("up10", 2, WriteCondition.ALWAYS, LATER));

        store().append("up9", 0, new ByteArrayInputStream(new byte[] {1}), LATER);

        assertThat(store().find("up9").orElseThrow().sha256()).contains(announced);
        assertThat(store().find("up10").orElseThrow().sha256()).isEmpty();
    }

    @Test
    void chunksAppendAtTheOffsetAndReadBackInOrder() throws IOException {
        store().create(upload("up2", 11, WriteCondition.ONLY_IF_ABSENT, LATER));

        assertThat(store().append("up2", 0, bytes("hello "), LATER).offset()).isEqualTo(6);
        StagedUpload done = store().append("up2", 6, bytes("world"), LATER);

        assertThat(done.complete()).isTrue();
        assertThat(store().find("up2").orElseThrow().offset()).isEqualTo(11);
        try (InputStream all = store().open(done)) {
            assertThat(new String(all.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        }
    }

    @Test
    void anAppendAtAnotherOffsetIsRefusedWithTheCurrentOne() throws IOException {
        store().create(upload("up3", 10, WriteCondition.ALWAYS, LATER));
        store().append("up3", 0, bytes("abc"), LATER);

        assertThatThrownBy(() -> store().append("up3", 0, bytes("xyz"), LATER))
                .isInstanceOfSatisfying(
                        UploadStore.OffsetConflictException.class,
                        e -> assertThat(e.current()).isEqualTo(3));
        assertThat(store().find("up3").orElseThrow().offset()).isEqualTo(3);
    }

    @Test
    void aChunkWhoseStreamFailsAppendsNothing() throws IOException {
        store().create(upload("up4", 8, WriteCondition.ALWAYS, LATER));
        store().append("up4", 0, bytes("ab"), LATER);
        InputStream cutOff = new SequenceInputStream(bytes("XYZ"), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> store().append("up4", 2, cutOff, LATER)).isInstanceOf(IOException.class);
        StagedUpload resumed = store().append("up4", 2, bytes("cdefgh"), LATER);

        try (InputStream all = store().open(resumed)) {
            assertThat(new String(all.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abcdefgh");
        }
    }

    @Test
    void anAppendSetsTheNewExpiry() throws IOException {
        Instant soon = Instant.parse("2030-01-01T00:00:00Z");
        store().create(upload("up9", 4, WriteCondition.ALWAYS, soon));

        store().append("up9", 0, bytes("ab"), LATER);

        assertThat(store().find("up9").orElseThrow().expires()).isEqualTo(LATER);
        assertThat(store().expired(soon, 10)).doesNotContain("up9");
    }

    @Test
    void anUploadDeletedWhileAChunkStreamsInTakesNoChunk() throws IOException {
        store().create(upload("up10", 4, WriteCondition.ALWAYS, LATER));
        InputStream deletingMidway = new SequenceInputStream(bytes("ab"), new InputStream() {
            private boolean deleted;

            @Override
            public int read() throws IOException {
                if (!deleted) {
                    deleted = true;
                    store().delete("up10");
                }
                return -1;
            }
        });

        assertThatThrownBy(() -> store().append("up10", 0, deletingMidway, LATER))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(store().find("up10")).isEmpty();
    }

    @Test
    void aDeletedUploadIsGone() throws IOException {
        store().create(upload("up5", 4, WriteCondition.ALWAYS, LATER));
        store().append("up5", 0, bytes("ab"), LATER);

        assertThat(store().delete("up5")).isTrue();

        assertThat(store().find("up5")).isEmpty();
        assertThat(store().delete("up5")).isFalse();
    }

    @Test
    void uploadsAreCountedByOwnerAndListedOnceExpired() throws IOException {
        Instant soon = Instant.parse("2030-01-01T00:00:00Z");
        store().create(upload("up6", 1, WriteCondition.ALWAYS, soon));
        store().create(upload("up7", 1, WriteCondition.ALWAYS, LATER));
        store().create(new StagedUpload(
                "up8", new FileKey(new Username("bob"), new FileName("f")), 1, 0, WriteCondition.ALWAYS, soon));

        assertThat(store().count(ALICE)).isEqualTo(2);
        assertThat(store().expired(soon.minusSeconds(1), 10)).isEmpty();
        assertThat(store().expired(soon, 10)).containsExactlyInAnyOrder("up6", "up8");
        assertThat(store().expired(soon, 1)).hasSize(1);
    }

    private static StagedUpload upload(String id, long length, WriteCondition condition, Instant expires) {
        return new StagedUpload(id, new FileKey(ALICE, new FileName("report.pdf")), length, 0, condition, expires);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
