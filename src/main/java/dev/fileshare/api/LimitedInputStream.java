package dev.fileshare.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops a body at {@code limit} bytes, remembering that it was longer so the caller can answer 413. */
final class LimitedInputStream extends FilterInputStream {
    private long remaining;
    private boolean exceeded;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.remaining = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            if (super.read() != -1) {
                exceeded = true;
                throw new TooLargeBody();
            }
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    /** Thrown mid-parse; the reader reports it as too large, whatever the parser makes of it. */
    static final class TooLargeBody extends IOException {
        TooLargeBody() {
            super("request body over the limit", null);
        }
    }
}
