package dev.fileshare.store.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The content of one S3 GET. Closed before its end (a client that stopped a download, a 304), it aborts the
 * connection: closing it would first read and discard the rest of the object to reuse the connection, so the whole
 * object would still cross the network, holding the pooled connection meanwhile. Read to its end, it closes
 * normally and the connection goes back to the pool.
 */
final class S3ObjectStream extends FilterInputStream {
    private final ResponseInputStream<?> object;
    private long remaining;
    private boolean ended;
    private boolean closed;

    /** {@code length}: the bytes the GET answers with (its Content-Length), or -1 when unknown. */
    S3ObjectStream(ResponseInputStream<?> object, long length) {
        super(object);
        this.object = object;
        this.remaining = length;
        this.ended = length == 0;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        counted(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        counted(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        if (n < 0) {
            ended = true;
        } else if (remaining > 0) {
            remaining -= n;
            ended = remaining == 0;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (ended) {
            object.close();
        } else {
            object.abort();
        }
    }
}
