package dev.fileshare.store.local;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The generated name of one stored version: 128 random bits in hex. Its quoted form is the version's ETag. */
record BlobId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    BlobId {
        if (!FORMAT.matcher(value).matches()) {
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
            if (FORMAT.matcher(inner).matches()) {
                return new BlobId(inner);
            }
        }
        throw new dev.fileshare.store.VersionGoneException("no version " + etag);
    }

    String etag() {
        return "\"" + value + "\"";
    }
}
