package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CountingInputStreamTest {

    @Test
    void countsEveryByteReadThroughIt() throws IOException {
        CountingInputStream in = CountingInputStream.counting(source("hello, world"));

        assertThat(in.read()).isEqualTo('h');
        assertThat(in.readAllBytes()).isEqualTo(bytes("ello, world"));
        assertThat(in.count()).isEqualTo(12);
        assertThat(in.failure()).isEmpty();
    }

    @Test
    void aRangeEndsAfterItsLength() throws IOException {
        CountingInputStream in = CountingInputStream.endingAfter(source("0123456789"), 4);

        assertThat(in.available()).isEqualTo(4);
        assertThat(in.readAllBytes()).isEqualTo(bytes("0123"));
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.count()).isEqualTo(4);
        assertThat(in.overLimit()).isFalse();
    }

    @Test
    void skippedBytesCountAndStopAtTheBound() throws IOException {
        CountingInputStream in = CountingInputStream.endingAfter(source("0123456789"), 6);

        assertThat(in.skip(4)).isEqualTo(4);
        assertThat(in.skip(10)).isEqualTo(2);
        assertThat(in.count()).isEqualTo(6);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aLimitAllowsUpToItsBytes() throws IOException {
        CountingInputStream atLimit = CountingInputStream.limitedTo(source("12345"), 5);
        CountingInputStream below = CountingInputStream.limitedTo(source("123"), 5);

        assertThat(atLimit.readAllBytes()).isEqualTo(bytes("12345"));
        assertThat(below.readAllBytes()).isEqualTo(bytes("123"));
        assertThat(atLimit.overLimit()).isFalse();
        assertThat(below.overLimit()).isFalse();
    }

    @Test
    void aLimitFailsAtTheFirstBytePastIt() {
        CountingInputStream in = CountingInputStream.limitedTo(source("123456"), 5);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("over the limit");
        assertThat(in.overLimit()).isTrue();
        assertThat(in.sourceFailed()).isFalse();
        assertThat(in.count()).isEqualTo(5);
    }

    @Test
    void anAnnouncedLengthMustBeMetExactly() throws IOException {
        CountingInputStream exact = CountingInputStream.ofAnnouncedLength(source("abc"), 3);
        assertThat(exact.readAllBytes()).isEqualTo(bytes("abc"));

        CountingInputStream shorter = CountingInputStream.ofAnnouncedLength(source("abc"), 10);
        assertThatThrownBy(shorter::readAllBytes)
                .isInstanceOf(EOFException.class)
                .hasMessage("the body held 3 bytes, not the 10 announced");
        assertThat(shorter.failure()).containsInstanceOf(EOFException.class);
        assertThat(shorter.sourceFailed()).isFalse();

        CountingInputStream longer = CountingInputStream.ofAnnouncedLength(source("abcdef"), 3);
        assertThatThrownBy(longer::readAllBytes)
                .isInstanceOf(IOException.class)
                .hasMessage("the body held more than the 3 bytes announced");
        assertThat(longer.overLimit()).isTrue();
    }

    @Test
    void anUnknownLengthIsAnyLength() throws IOException {
        CountingInputStream in = CountingInputStream.ofAnnouncedLength(source("abcdef"), -1);

        assertThat(in.readAllBytes()).isEqualTo(bytes("abcdef"));
        assertThat(in.count()).isEqualTo(6);
    }

    @Test
    void remembersThatItsSourceFailed() {
        IOException broken = new IOException("client went away");
        InputStream failing = new SequenceInputStream(source("abc"), new InputStream() {
            @Override
            public int read() throws IOException {
                throw broken;
            }
        });
        CountingInputStream in = CountingInputStream.ofAnnouncedLength(failing, 100);

        assertThatThrownBy(in::readAllBytes).isSameAs(broken);
        assertThat(in.sourceFailed()).isTrue();
        assertThat(in.overLimit()).isFalse();
        assertThat(in.failure()).containsSame(broken);
        assertThat(in.count()).isEqualTo(3);
    }

    @Test
    void cannotBeRewound() {
        CountingInputStream in = CountingInputStream.counting(source("abc"));

        assertThat(in.markSupported()).isFalse();
        assertThatThrownBy(in::reset).isInstanceOf(IOException.class);
    }

    private static InputStream source(String text) {
        return new ByteArrayInputStream(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
