package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfOneRange() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).contains(new ByteRange(0, 100));
        assertThat(ByteRange.parse("bytes=900-", 1000)).contains(new ByteRange(900, 100));
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 100));
    }

    @Test
    void clampsTheEndToTheFile() {
        assertThat(ByteRange.parse("bytes=990-2000", 1000)).contains(new ByteRange(990, 10));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 1000));
    }

    @Test
    void refusesARangeThatStartsPastTheEnd() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(RangeNotSatisfiableException.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-0", 0)).isInstanceOf(RangeNotSatisfiableException.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 10)).isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void ignoresWhatItDoesNotServe() {
        assertThat(ByteRange.parse(null, 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,3-4", 10)).isEmpty();
        assertThat(ByteRange.parse("lines=1-2", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=5-2", 10)).isEmpty();
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 10)).isEmpty();
    }

    @Test
    void readsPositionsOfUpTo18Digits() {
        String eighteen = "9".repeat(18);
        assertThat(ByteRange.parse("bytes=0-" + eighteen, 10)).contains(new ByteRange(0, 10));
        assertThat(ByteRange.parse("bytes=0-" + eighteen + "9", 10)).isEmpty();
        assertThatThrownBy(() -> ByteRange.parse("bytes=" + eighteen + "-", 10))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void anEmptyFileIsOneEmptyRange() {
        assertThat(ByteRange.whole(0)).isEqualTo(new ByteRange(0, 0));
        assertThatThrownBy(() -> new ByteRange(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteRange(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
