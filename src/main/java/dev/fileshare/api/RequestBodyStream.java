package dev.fileshare.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A streamed request body, capped at the upload limit. It remembers whether the client's side failed (the
 * body broke off, or ran past the limit) so that a failed write can be blamed on the right party.
 */
final class RequestBodyStream extends FilterInputStream {
    private final long limit;
    private long count;
    private boolean overLimit;
    private boolean brokenOff;

    RequestBodyStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    boolean overLimit() {
        return overLimit;
    }

    boolean brokenOff() {
        return brokenOff;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            brokenOff = true;
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > limit) {
                overLimit = true;
                throw new IOException("request body over the upload limit");
            }
        }
        return n;
    }
}
