package dev.fileshare.core.port;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content as it streams from a client to a store or from a store to a client: counted, held to one bound, and
 * remembering why it failed, so that the api and every store apply the same rules to a body and can tell the
 * client's failure (a broken or wrong-sized body) from their own.
 */
public final class CountingInputStream extends ReadThroughInputStream {
    private enum Bound {
        /** Counted only. */
        NONE,
        /** Reads end after the limit (a range of a longer source). */
        END,
        /** A byte past the limit is an error (an upload limit); the source may end anywhere before. */
        LIMIT,
        /** Exactly the limit: ending before it or holding more is an error (an announced length). */
        EXACT
    }

    private final Bound bound;
    private final long limit;
    private long count;
    private boolean overLimit;
    private boolean sourceFailed;
    private IOException failure;

    private CountingInputStream(InputStream in, Bound bound, long limit) {
        super(in);
        this.bound = bound;
        this.limit = limit;
    }

    /** All of {@code in}, counted. */
    public static CountingInputStream counting(InputStream in) {
        return new CountingInputStream(in, Bound.NONE, Long.MAX_VALUE);
    }

    /** The first {@code length} bytes of {@code in}: reads end there. */
    public static CountingInputStream endingAfter(InputStream in, long length) {
        return new CountingInputStream(in, Bound.END, length);
    }

    /** {@code in}, which may hold at most {@code limit} bytes: reading a byte past them fails. */
    public static CountingInputStream limitedTo(InputStream in, long limit) {
        return new CountingInputStream(in, Bound.LIMIT, limit);
    }

    /**
     * {@code in}, which must hold exactly the {@code length} bytes its sender announced (-1: any number): reading
     * fails at an early end or at a byte past them, so that a truncated or overlong body is never stored.
     */
    public static CountingInputStream ofAnnouncedLength(InputStream in, long length) {
        return length < 0 ? counting(in) : new CountingInputStream(in, Bound.EXACT, length);
    }

    /** The bytes read so far. */
    public long count() {
        return count;
    }

    /** Whether reading failed because the source held more than the limit or announced length. */
    public boolean overLimit() {
        return overLimit;
    }

    /** Whether reading failed because the source itself failed (the client's connection broke off, say). */
    public boolean sourceFailed() {
        return sourceFailed;
    }

    /** The failure that stopped reading: the source's own, or this stream's refusal of its size. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long room = limit - count;
        if (room == 0 && bound != Bound.NONE) {
            return bound == Bound.END ? -1 : endAtLimit();
        }
        int n;
        try {
            n = in.read(b, off, (int) Math.min(len, room));
        } catch (IOException e) {
            throw sourceFailure(e);
        }
        if (n < 0) {
            if (bound == Bound.EXACT) {
                throw fail(new EOFException("the body held " + count + " bytes, not the " + limit + " announced"));
            }
            return -1;
        }
        count += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), limit - count);
    }

    /** At the limit, the source must be at its end too. */
    private int endAtLimit() throws IOException {
        int next;
        try {
            next = in.read();
        } catch (IOException e) {
            throw sourceFailure(e);
        }
        if (next < 0) {
            return -1;
        }
        overLimit = true;
        throw fail(new IOException(
                bound == Bound.EXACT
                        ? "the body held more than the " + limit + " bytes announced"
                        : "the body is over the limit of " + limit + " bytes"));
    }

    private IOException sourceFailure(IOException e) {
        sourceFailed = true;
        return fail(e);
    }

    private IOException fail(IOException e) {
        failure = e;
        return e;
    }
}
