package dev.fileshare.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret part of a public link's URL ({@code /l/<id>}): 144 bits from a CSPRNG, URL-safe Base64. Like a session
 * token it is never stored: only its SHA-256 ({@link #hash()}), whose first digits are also the link's public
 * {@link LinkHandle}.
 */
public record LinkId(String value) {
    private static final int BYTES = 18;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{24}");

    public LinkId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a link id is 24 characters of URL-safe Base64");
        }
    }

    public static LinkId generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new LinkId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The id {@code text} is, if it has the shape of one: anything else names no link and costs no lookup. */
    public static Optional<LinkId> parse(String text) {
        return text != null && SHAPE.matcher(text).matches() ? Optional.of(new LinkId(text)) : Optional.empty();
    }

    /** Lower-case hex SHA-256 of the id's text: what the store keeps instead of the id. */
    public String hash() {
        return Sha256.hex(value);
    }

    /** Whether {@code storedHash} is this id's hash, compared in constant time. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(
                hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    public LinkHandle handle() {
        return LinkHandle.ofHash(hash());
    }

    @Override
    public String toString() {
        return "LinkId[****]";
    }
}
