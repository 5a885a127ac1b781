package dev.fileshare.api;

import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.Sha256Digest;
import java.util.Map;
import java.util.Optional;

/**
 * The RFC 9530 digest fields of an upload, {@code Repr-Digest} and {@code Content-Digest}: the SHA-256 the
 * content must have. The service checks {@code sha-256} and skips other algorithms; a field that is not a
 * well-formed Dictionary, or that names no {@code sha-256}, is refused (400) rather than taken for no check at all.
 * A file is stored as it is sent (no content coding), so both fields describe the same bytes: for a JSON upload,
 * the decoded {@code content}.
 */
final class DigestFields {
    static final String REPR_DIGEST = "Repr-Digest";
    static final String CONTENT_DIGEST = "Content-Digest";
    static final String WANT_REPR_DIGEST = "Want-Repr-Digest";
    static final String WANT_CONTENT_DIGEST = "Want-Content-Digest";
    /** RFC 9530's name of the one algorithm checked and sent. */
    static final String SHA_256 = "sha-256";

    private DigestFields() {}

    /**
     * The SHA-256 the content must have, from whichever of the two fields the request carries (null: absent);
     * empty when neither.
     */
    static Optional<Sha256Digest> announced(String reprDigest, String contentDigest) {
        Optional<Sha256Digest> repr = sha256(REPR_DIGEST, reprDigest);
        Optional<Sha256Digest> content = sha256(CONTENT_DIGEST, contentDigest);
        if (repr.isPresent() && content.isPresent() && !repr.equals(content)) {
            throw InvalidInputException.of(
                    CONTENT_DIGEST,
                    "names another sha-256 than Repr-Digest, but the content is the representation: they must agree");
        }
        return repr.isPresent() ? repr : content;
    }

    /** A digest field's {@code sha-256}. */
    private static Optional<Sha256Digest> sha256(String name, String field) {
        if (field == null) {
            return Optional.empty();
        }
        Map<String, Object> members;
        try {
            members = StructuredDictionary.parse(field);
        } catch (IllegalArgumentException malformed) {
            throw InvalidInputException.of(
                    name,
                    "is not an RFC 9530 digest field (" + malformed.getMessage()
                            + "), e.g. sha-256=:<Base64 of the SHA-256>:");
        }
        if (!members.containsKey(SHA_256)) {
            throw InvalidInputException.of(
                    name, "names no algorithm the service checks: send sha-256=:<Base64 of the SHA-256>:");
        }
        if (!(members.get(SHA_256) instanceof byte[] digest) || digest.length != Sha256Digest.LENGTH) {
            throw InvalidInputException.of(name, "sha-256 must be a byte sequence of 32 bytes, :<Base64>:");
        }
        return Optional.of(Sha256Digest.of(digest));
    }

    /** The value of a digest field for {@code digest}. */
    static String field(Sha256Digest digest) {
        return SHA_256 + "=:" + digest.base64() + ":";
    }
}
