package dev.fileshare.core.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of a user's listing ended: after {@code last}, in the caller's own files or in those shared with
 * them. Clients see it as an opaque token (Base64url of the part and the key); any token that does not decode
 * to a part and a valid key is refused, so a cursor can only ever name a position, never a query.
 */
public record ListCursor(Part part, FileKey last) {
    /** The two parts of a listing, in the order they are listed. */
    public enum Part {
        OWN('o'),
        SHARED('s');

        private final char code;

        Part(char code) {
            this.code = code;
        }
    }

    /** Longer than any part, username and file name can make it. */
    private static final int MAX_ENCODED = 1024;

    private static final String INVALID = "is not a cursor from a Link header of this listing";

    public ListCursor {
        if (part == null || last == null) {
            throw new IllegalArgumentException("a cursor has a part and a key");
        }
    }

    public String encoded() {
        // Newline-separated: neither a username nor a file name can contain one.
        String text =
                part.code + "\n" + last.owner().value() + "\n" + last.fileName().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInputException naming {@code field} unless {@code text} is what {@link #encoded} gives */
    public static ListCursor parse(String field, String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_ENCODED) {
            throw InvalidInputException.of(field, INVALID);
        }
        String[] parts;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            parts = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .split("\n", -1);
        } catch (IllegalArgumentException | CharacterCodingException notBase64OrUtf8) {
            throw InvalidInputException.of(field, INVALID);
        }
        if (parts.length != 3 || parts[0].length() != 1 || !Username.isValid(parts[1])) {
            throw InvalidInputException.of(field, INVALID);
        }
        Part part = null;
        for (Part candidate : Part.values()) {
            if (candidate.code == parts[0].charAt(0)) {
                part = candidate;
            }
        }
        if (part == null) {
            throw InvalidInputException.of(field, INVALID);
        }
        try {
            return new ListCursor(part, new FileKey(new Username(parts[1]), FileName.parse(field, parts[2])));
        } catch (InvalidInputException notAFileName) {
            throw InvalidInputException.of(field, INVALID);
        }
    }
}
