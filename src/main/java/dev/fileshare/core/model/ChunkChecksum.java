package dev.fileshare.core.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The checksum a client sends with one chunk (tus {@code Upload-Checksum: <algorithm> <Base64 digest>}), and a
 * stream that checks it: the stream fails at its end when the bytes do not match, so a store appends nothing.
 */
public record ChunkChecksum(String algorithm, byte[] digest) {
    /** The algorithms accepted, by their tus names (sha1 is the one tus requires every server to know). */
    public static final List<String> ALGORITHMS = List.of("sha1", "sha256", "sha512");

    private static final Map<String, String> JAVA_NAMES =
            Map.of("sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");

    public static ChunkChecksum parse(String header) {
        String[] parts = header.trim().split(" ", -1);
        if (parts.length != 2 || !JAVA_NAMES.containsKey(parts[0])) {
            throw InvalidInputException.of(
                    "Upload-Checksum",
                    "must be one of " + String.join(", ", ALGORITHMS) + ", a space and a Base64 digest");
        }
        byte[] digest = StrictBase64.decode("Upload-Checksum", parts[1]);
        if (digest.length != newDigest(parts[0]).getDigestLength()) {
            throw InvalidInputException.of("Upload-Checksum", "is not a " + parts[0] + " digest (wrong length)");
        }
        return new ChunkChecksum(parts[0], digest);
    }

    /** {@code content}, checked against this checksum when it ends. */
    public Verifying verifying(InputStream content) {
        return new Verifying(content, newDigest(algorithm), digest);
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(JAVA_NAMES.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    /** A stream that digests what passes and, at its end, fails unless the digest is the expected one. */
    public static final class Verifying extends FilterInputStream {
        private final MessageDigest digest;
        private final byte[] expected;
        private boolean ended;
        private boolean mismatched;

        private Verifying(InputStream in, MessageDigest digest, byte[] expected) {
            super(in);
            this.digest = digest;
            this.expected = expected;
        }

        /** Whether the stream ended with other bytes than the checksum describes. */
        public boolean mismatched() {
            return mismatched;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
            } else if (n < 0 && !ended) {
                ended = true;
                mismatched = !Arrays.equals(digest.digest(), expected);
            }
            if (mismatched) {
                throw new IOException("the chunk does not match its checksum");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a checksummed stream is read, not skipped");
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
