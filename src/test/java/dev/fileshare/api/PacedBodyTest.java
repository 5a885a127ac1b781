package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The body deadline as {@link PacedBody} applies it, on a clock the test moves. */
class PacedBodyTest {
    private static final long SECOND = 1_000_000_000L;
    private static final BodyDeadline DEADLINE = new BodyDeadline(Duration.ofSeconds(20), 500);

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void aBodyThatKeepsUpTheRateIsReadWhole() throws IOException {
        PacedBody body = new PacedBody(new SlowSource(new byte[10_000], 1000, SECOND), DEADLINE, now::get);

        assertThat(body.readAllBytes()).hasSize(10_000);
        assertThat(body.cutOff()).isFalse();
    }

    @Test
    void aBodyBelowTheRateIsCutOffOnceTheStartTimeoutAndWhatItSentAreSpent() throws IOException {
        // 10 bytes a second: 20 s of grace, then 1/50 s more for each byte; behind after about 20.4 s.
        PacedBody body = new PacedBody(new SlowSource(new byte[1000], 1, SECOND / 10), DEADLINE, now::get);
        byte[] buffer = new byte[1];
        int read = 0;
        for (; read < 200; read++) {
            assertThat(body.read(buffer)).isEqualTo(1);
        }
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 10; i++) {
                        body.read(buffer);
                    }
                })
                .isInstanceOf(BodyTooSlowException.class)
                .hasMessageContaining("nothing was stored");
        assertThat(body.cutOff()).isTrue();
        assertThatThrownBy(() -> body.read(buffer)).isInstanceOf(BodyTooSlowException.class);
    }

    @Test
    void aReadThatFailsAfterTheStartTimeoutOfSilenceIsACutOff() {
        InputStream silent = new InputStream() {
            @Override
            public int read() throws IOException {
                now.addAndGet(20 * SECOND); // as Liberty's read timeout ends a read that heard nothing
                throw new IOException("read timed out");
            }
        };
        PacedBody body = new PacedBody(silent, DEADLINE, now::get);

        assertThatThrownBy(body::read).isInstanceOf(BodyTooSlowException.class).hasRootCauseMessage("read timed out");
        assertThat(body.cutOff()).isTrue();
    }

    @Test
    void aConnectionThatBreaksQuicklyIsNoCutOff() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                now.addAndGet(SECOND);
                throw new IOException("connection reset");
            }
        };
        PacedBody body = new PacedBody(broken, DEADLINE, now::get);

        assertThatThrownBy(body::read)
                .isNotInstanceOf(BodyTooSlowException.class)
                .hasMessage("connection reset");
        assertThat(body.cutOff()).isFalse();
    }

    @Test
    void aBodyThatEndsOnTimeIsNoCutOff() throws IOException {
        PacedBody body = new PacedBody(new ByteArrayInputStream(new byte[3]), DEADLINE, now::get);

        assertThat(body.readAllBytes()).hasSize(3);
        assertThat(body.read()).isEqualTo(-1);
        assertThat(body.cutOff()).isFalse();
    }

    @Test
    void theDeadlineNeedsAPositiveStartTimeoutAndRate() {
        assertThatThrownBy(() -> new BodyDeadline(Duration.ZERO, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BodyDeadline(Duration.ofSeconds(20), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Hands out {@code chunk} bytes per read, each read taking {@code nanosPerRead} of the test's clock. */
    private final class SlowSource extends ByteArrayInputStream {
        private final int chunk;
        private final long nanosPerRead;

        SlowSource(byte[] content, int chunk, long nanosPerRead) {
            super(content);
            this.chunk = chunk;
            this.nanosPerRead = nanosPerRead;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            now.addAndGet(nanosPerRead);
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
