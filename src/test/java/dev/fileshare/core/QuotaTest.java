package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.QuotaExceededException;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The quota rule, and FileService holding every write and every upload URL to it. */
class QuotaTest {
    private static final Quota TEN_BYTES_TWO_FILES = new Quota(OptionalLong.of(10), OptionalLong.of(2));

    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files =
            new FileService(fixture.blobs, fixture.shares, fixture.links, fixture.users, TEN_BYTES_TWO_FILES);

    @Test
    void aReplacementCountsTheNewSizeMinusTheOld() {
        Usage before = new Usage(2, 9);

        assertThat(before.afterWrite(OptionalLong.of(4), 5)).isEqualTo(new Usage(2, 10));
        assertThat(before.afterWrite(OptionalLong.empty(), 1)).isEqualTo(new Usage(3, 10));
    }

    @Test
    void admitsWhatStaysWithinAndWhatShrinksAFileEvenOverAQuotaLoweredSince() {
        TEN_BYTES_TWO_FILES.admit(new Usage(1, 5), OptionalLong.empty(), 5);
        TEN_BYTES_TWO_FILES.admit(new Usage(2, 30), OptionalLong.of(20), 19);

        assertThatThrownBy(() -> TEN_BYTES_TWO_FILES.admit(new Usage(1, 5), OptionalLong.empty(), 6))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessage(
                        "The byte quota of 10 bytes would be passed: 5 bytes are used, and this write would make 11.");
        assertThatThrownBy(() -> TEN_BYTES_TWO_FILES.admit(new Usage(2, 0), OptionalLong.empty(), 0))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("file quota of 2 files");
    }

    @Test
    void aWriteOverTheQuotaChangesNothing() throws IOException {
        files.upload(ALICE, name("a.txt"), bytes("123456"), 6, WriteCondition.ALWAYS);

        assertThatThrownBy(() -> files.upload(ALICE, name("a.txt"), bytes("12345678901"), -1, WriteCondition.ALWAYS))
                .isInstanceOf(QuotaExceededException.class);
        assertThatThrownBy(() -> files.upload(ALICE, name("b.txt"), bytes("12345"), 5, WriteCondition.ALWAYS))
                .isInstanceOf(QuotaExceededException.class);

        assertThat(fixture.read(ALICE, ALICE, "a.txt")).isEqualTo("123456");
        assertThat(files.usage(ALICE)).isEqualTo(new Usage(1, 6));
    }

    @Test
    void anAnnouncedLengthOverTheQuotaIsRefusedBeforeTheBodyIsRead() {
        InputStream neverRead = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        };

        assertThatThrownBy(() -> files.upload(ALICE, name("big"), neverRead, 11, WriteCondition.ALWAYS))
                .isInstanceOfSatisfying(
                        QuotaExceededException.class, e -> assertThat(e.used()).isEqualTo(-1));
    }

    @Test
    void anUploadUrlIsRefusedWhenItsSizeWouldPassTheQuotaAsThingsStand() throws IOException {
        files.upload(ALICE, name("a.txt"), bytes("123456"), 6, WriteCondition.ALWAYS);

        files.admitUpload(ALICE, name("b.txt"), 4);
        assertThatThrownBy(() -> files.admitUpload(ALICE, name("b.txt"), 5)).isInstanceOf(QuotaExceededException.class);
        // A replacement frees nothing while the replaced version is kept as an older one.
        files.admitUpload(ALICE, name("a.txt"), 4);
        assertThatThrownBy(() -> files.admitUpload(ALICE, name("a.txt"), 5)).isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void withoutAQuotaEverythingIsAdmitted() throws IOException {
        FileService unlimited = fixture.files;
        unlimited.upload(ALICE, name("a.txt"), bytes("x".repeat(1000)), 1000, WriteCondition.ALWAYS);
        unlimited.admitUpload(ALICE, name("b.txt"), Long.MAX_VALUE);

        assertThat(unlimited.quota().isUnlimited()).isTrue();
    }

    private static InputStream bytes(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
