package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.CAROL;
import static dev.fileshare.core.FileServiceFixture.name;
import static dev.fileshare.core.FileServiceFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.ByteRange;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.RangeNotSatisfiableException;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening a file whole or one byte range of it ({@code Range: bytes=...}). */
class FileRangeTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;
    private FileVersion digits;

    @BeforeEach
    void uploadTenDigits() throws IOException {
        digits = fixture.upload(ALICE, "digits.txt", "0123456789");
        files.share(ALICE, name("digits.txt"), BOB);
    }

    @Test
    void withoutARangeOpensTheWholeCurrentVersion() throws IOException {
        FileContent content = files.open(BOB, ALICE, name("digits.txt"), null);

        assertThat(content.entry()).isEqualTo(digits);
        assertThat(content.range()).isEqualTo(ByteRange.whole(10));
        assertThat(content.partial()).isFalse();
        assertThat(text(content)).isEqualTo("0123456789");
    }

    @Test
    void aRangeOpensThoseBytesAsAPart() throws IOException {
        FileContent content = files.open(BOB, ALICE, name("digits.txt"), "bytes=2-4");

        assertThat(content.entry()).isEqualTo(digits);
        assertThat(content.range()).isEqualTo(new ByteRange(2, 3));
        assertThat(content.partial()).isTrue();
        assertThat(text(content)).isEqualTo("234");
    }

    @Test
    void aSuffixRangeOpensTheLastBytes() throws IOException {
        assertThat(text(files.open(ALICE, ALICE, name("digits.txt"), "bytes=-3")))
                .isEqualTo("789");
    }

    @Test
    void aRangeHeaderThatIsNotOneRangeOpensTheWholeFile() throws IOException {
        FileContent content = files.open(ALICE, ALICE, name("digits.txt"), "bytes=0-1,5-6");

        assertThat(content.partial()).isFalse();
        assertThat(content.range()).isEqualTo(ByteRange.whole(10));
        assertThat(text(content)).isEqualTo("0123456789");
    }

    @Test
    void aRangePastTheEndIsNotSatisfiableAndNamesTheSize() {
        assertThatThrownBy(() -> files.open(ALICE, ALICE, name("digits.txt"), "bytes=10-"))
                .isInstanceOfSatisfying(
                        RangeNotSatisfiableException.class,
                        e -> assertThat(e.size()).isEqualTo(10));
    }

    @Test
    void aStrangerAskingForARangeGets404Not416() {
        assertThatThrownBy(() -> files.open(CAROL, ALICE, name("digits.txt"), "bytes=10-"))
                .isInstanceOf(NotFoundException.class);
    }
}
