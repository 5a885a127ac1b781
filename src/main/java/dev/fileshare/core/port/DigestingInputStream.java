package dev.fileshare.core.port;

import dev.fileshare.core.model.Sha256Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A file's content on its way into a store, hashed with SHA-256 as it passes (no second read), and checked against
 * the digest the client announced, if any, the moment the last byte is read: a mismatch fails that read, so the
 * store's write fails before it commits and stores nothing. The store then keeps {@link #digest()} with the version.
 * The content ends at its end or, when its length is known, at its last announced byte (a store may not read on
 * to see the end).
 */
public final class DigestingInputStream extends ReadThroughInputStream {
    private final long length;
    private final Optional<Sha256Digest> expected;
    private final MessageDigest sha256 = Sha256Digest.newMessageDigest();
    private long count;
    private Sha256Digest digest;

    private DigestingInputStream(InputStream in, long length, Optional<Sha256Digest> expected) {
        super(in);
        this.length = length;
        this.expected = expected;
        if (length == 0) {
            // Nothing to read: a store may not read at all, so the digest (and any mismatch) is known now.
            digest = Sha256Digest.of(sha256.digest());
        }
    }

    /**
     * @param length the content's announced length, -1 when unknown
     * @param expected the digest the content must have, empty when none was announced
     */
    public static DigestingInputStream of(InputStream in, long length, Optional<Sha256Digest> expected) {
        return new DigestingInputStream(in, length, expected);
    }

    /** The SHA-256 of all the content; once it was read to its end. */
    public Sha256Digest digest() {
        if (digest == null) {
            throw new IllegalStateException("the content was not read to its end");
        }
        return digest;
    }

    /** The digest the content was expected to have, when it was read to its end with another one. */
    public Optional<DigestMismatch> mismatch() {
        return digest == null || expected.isEmpty() || expected.get().equals(digest)
                ? Optional.empty()
                : Optional.of(new DigestMismatch(expected.get(), digest));
    }

    /** An announced digest and the one the content had. */
    public record DigestMismatch(Sha256Digest expected, Sha256Digest actual) {}

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (digest != null) {
            // Past the announced length: what follows is the store's to refuse (its announced-length check).
            return n;
        }
        if (n > 0) {
            sha256.update(b, off, n);
            count += n;
        }
        if (n < 0 || (length >= 0 && count == length)) {
            digest = Sha256Digest.of(sha256.digest());
            if (mismatch().isPresent()) {
                throw new IOException("the content does not have the SHA-256 announced for it");
            }
        }
        return n;
    }
}
