package dev.fileshare.store.local;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The generated name of one stored version: 128 random bits in hex. Its quoted form is the version's ETag. */
record BlobId(String value) {
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    BlobId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a blob id");
        }
    }

    static BlobId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new BlobId(HexFormat.of().formatHex(bytes));
    }

    /** The id inside an ETag this store issued; anything else names no version of ours. */
    static BlobId fromEtag(String etag) {
        if (etag.length() == 34 && etag.startsWith("\"") && etag.endsWith("\"")) {
            String inner = etag.substring(1, 33);
            if (isWellFormed(inner)) {
                return new BlobId(inner);
            }
        }
        throw new dev.fileshare.core.port.VersionGoneException("no version " + etag);
    }

    /** 32 lower-case hex digits; checked by hand, not by a regex, since every row of a listing makes a BlobId. */
    private static boolean isWellFormed(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    String etag() {
        return "\"" + value + "\"";
    }
}
