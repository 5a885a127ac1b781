package dev.fileshare.core.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The SHA-256 of a file's content (RFC 9530's {@code sha-256}): kept with every version, sent as
 * {@code Repr-Digest}, listed as hex.
 */
public final class Sha256Digest {
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private Sha256Digest(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static Sha256Digest of(byte[] bytes) {
        return new Sha256Digest(bytes);
    }

    /** From 64 hex digits, as {@link #hex} writes them (how the local store keeps it). */
    public static Sha256Digest fromHex(String hex) {
        return new Sha256Digest(HexFormat.of().parseHex(hex));
    }

    /** From standard Base64, as S3's {@code x-amz-checksum-sha256} carries it. */
    public static Sha256Digest fromBase64(String base64) {
        return new Sha256Digest(Base64.getDecoder().decode(base64));
    }

    /** The digest of {@code content}. */
    public static Sha256Digest ofContent(byte[] content) {
        return new Sha256Digest(newMessageDigest().digest(content));
    }

    /** A fresh SHA-256 computation. */
    public static MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex, 64 digits: the {@code sha256} field of listings. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Standard Base64 with padding: the byte sequence of a digest field. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sha256Digest that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** As a digest field writes it: {@code sha-256=:<Base64>:}. */
    @Override
    public String toString() {
        return "sha-256=:" + base64() + ":";
    }
}
