package dev.fileshare.core.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public name of a link: the first 16 hex digits of its id's SHA-256. It names the link in its owner's list, in
 * {@code DELETE /links/{id}} and in its access log without revealing the id (the hash cannot be turned back), and it
 * is the link's key in the store.
 */
public record LinkHandle(String value) {
    public static final int LENGTH = 16;
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{" + LENGTH + "}");

    public LinkHandle {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a link handle is 16 lower-case hex digits");
        }
    }

    static LinkHandle ofHash(String sha256Hex) {
        return new LinkHandle(sha256Hex.substring(0, LENGTH));
    }

    /**
     * The link {@code text} names: a handle as the list shows it, or the link's id as its creation answered it;
     * empty for anything else.
     */
    public static Optional<LinkHandle> of(String text) {
        if (text != null && SHAPE.matcher(text).matches()) {
            return Optional.of(new LinkHandle(text));
        }
        return LinkId.parse(text).map(LinkId::handle);
    }

    @Override
    public String toString() {
        return value;
    }
}
