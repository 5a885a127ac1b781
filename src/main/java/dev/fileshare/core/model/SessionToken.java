package dev.fileshare.core.model;

import java.security.SecureRandom;
import java.util.Base64;

/** A login token: 256 bits from a CSPRNG, URL-safe Base64. Only its SHA-256 ({@link #hash()}) is ever stored. */
public record SessionToken(String value) {
    private static final int BYTES = 32;

    public static SessionToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Lower-case hex SHA-256 of the token's text: the key under which its session is stored. */
    public String hash() {
        return Sha256.hex(value);
    }

    @Override
    public String toString() {
        return "SessionToken[****]";
    }
}
