package dev.fileshare.core.port;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that must see every byte it passes on (to count, hash or pace it): skipped bytes are read through
 * {@link #read(byte[], int, int)} like the others, and mark/reset is not offered, since a reset would see bytes
 * twice. Subclasses do their work in {@code read}.
 */
public abstract class ReadThroughInputStream extends FilterInputStream {
    protected ReadThroughInputStream(InputStream in) {
        super(in);
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discarded = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        for (int read;
                skipped < n && (read = read(discarded, 0, (int) Math.min(discarded.length, n - skipped))) > 0; ) {
            skipped += read;
        }
        return skipped;
    }

    @Override
    public final boolean markSupported() {
        return false;
    }

    @Override
    public final synchronized void mark(int readlimit) {
        // not supported: see the class comment
    }

    @Override
    public final synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
