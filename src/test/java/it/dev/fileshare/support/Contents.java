package it.dev.fileshare.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** File contents for tests: text, every byte value, and reproducible pseudo-random bytes. */
public final class Contents {
    public static final int MIB = 1024 * 1024;

    private Contents() {}

    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The 256 byte values, each once, in order. */
    public static byte[] everyByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    /** {@code size} bytes that only {@code seed} produces. */
    public static byte[] random(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * {@code size} bytes that only {@code seed} produces (SplitMix64), generated as they are read: a stream of
     * any length in constant memory, the same at every call.
     */
    public static InputStream stream(long seed, long size) {
        return new InputStream() {
            private long state = seed;
            private long remaining = size;
            private long word;
            private int wordBytesLeft;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (remaining == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, remaining);
                for (int i = 0; i < n; i++) {
                    if (wordBytesLeft == 0) {
                        word = next();
                        wordBytesLeft = 8;
                    }
                    b[off + i] = (byte) word;
                    word >>>= 8;
                    wordBytesLeft--;
                }
                remaining -= n;
                return n;
            }

            private long next() {
                long z = (state += 0x9E3779B97F4A7C15L);
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                return z ^ (z >>> 31);
            }
        };
    }

    /** The size and SHA-256 of what a stream holds. */
    public record Digest(long size, String sha256) {}

    /** Reads {@code in} to its end through SHA-256, a buffer at a time. */
    public static Digest digest(InputStream in) throws IOException {
        MessageDigest sha256 = newSha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            sha256.update(buffer, 0, n);
            size += n;
        }
        return new Digest(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
