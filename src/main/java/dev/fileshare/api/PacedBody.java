package dev.fileshare.api;

import dev.fileshare.core.port.ReadThroughInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * A request body held to its {@link BodyDeadline}. A read blocked in the servlet container cannot be woken from
 * another thread, so the deadline is checked when a read returns: a read that heard nothing for the start timeout
 * (ended by Liberty's read timeout), or a body behind its minimum rate, fails with {@link BodyTooSlowException}
 * and remembers it, so that the answer becomes a 408 whatever the reader made of the failure.
 */
final class PacedBody extends ReadThroughInputStream {
    private final BodyDeadline deadline;
    private final LongSupplier nanoTime;
    private final long start;
    private long count;
    private volatile boolean cutOff;

    PacedBody(InputStream body, BodyDeadline deadline, LongSupplier nanoTime) {
        super(body);
        this.deadline = deadline;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Whether the body was cut off for being too slow. */
    boolean cutOff() {
        return cutOff;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (cutOff) {
            throw tooSlow();
        }
        long before = nanoTime.getAsLong();
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            if (deadline.endedBySilence(nanoTime.getAsLong() - before)) {
                throw cutOff(e);
            }
            throw e;
        }
        long now = nanoTime.getAsLong();
        if (n < 0) {
            // The container may report its read timeout as an end of the body rather than as a failure.
            if (deadline.endedBySilence(now - before)) {
                throw cutOff(null);
            }
            return n;
        }
        count += n;
        if (deadline.isBehind(count, now - start)) {
            throw cutOff(null);
        }
        return n;
    }

    private BodyTooSlowException cutOff(IOException cause) {
        cutOff = true;
        BodyTooSlowException e = tooSlow();
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private BodyTooSlowException tooSlow() {
        return new BodyTooSlowException(deadline);
    }
}
