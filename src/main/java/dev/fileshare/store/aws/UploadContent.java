package dev.fileshare.store.aws;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The content of one upload as the SDK reads it. It fails when the content ends before its announced length,
 * so a truncated upload aborts its request, and it remembers a failure of its own source, so that the store can
 * report a client's broken upload as the {@link IOException} it was rather than as a store fault.
 */
final class UploadContent extends FilterInputStream {
    private final long length;
    private long remaining;
    private IOException failure;

    /** @param length the announced length, or -1 when unknown */
    UploadContent(InputStream in, long length) {
        super(in);
        this.length = length;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int b = track(() -> super.read());
        if (b < 0) {
            return endOfSource();
        }
        if (remaining > 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int wanted = remaining < 0 ? len : (int) Math.min(len, remaining);
        int n = track(() -> super.read(b, off, wanted));
        if (n < 0) {
            return endOfSource();
        }
        if (remaining > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The failure of the source (or its early end) that stopped the upload, if that is what stopped it. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    private int endOfSource() throws IOException {
        if (remaining < 0) {
            return -1;
        }
        failure =
                new EOFException("the body held " + (length - remaining) + " bytes, not the " + length + " announced");
        throw failure;
    }

    private int track(SourceRead read) throws IOException {
        try {
            return read.get();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @FunctionalInterface
    private interface SourceRead {
        int get() throws IOException;
    }
}
