package dev.fileshare.api.problem;

import dev.fileshare.core.model.ContentTooLargeException;

/** The 413s of a JSON upload past its limit; each points the client to the binary upload, whose limit is far higher. */
public final class JsonUploadTooLarge {
    static final String BINARY_UPLOAD_HINT = "send large files as a binary upload: "
            + "PUT /file?file_name=... with Content-Type: application/octet-stream.";

    private JsonUploadTooLarge() {}

    /** The decoded content is {@code size} bytes, over {@code limit}. */
    public static ContentTooLargeException content(long size, long limit) {
        return new ContentTooLargeException("The content is " + size + " bytes, over the JSON upload limit of " + limit
                + " bytes; " + BINARY_UPLOAD_HINT);
    }

    /** The body is too large for any content within {@code limit}, found before it is decoded. */
    public static ContentTooLargeException body(long limit) {
        return new ContentTooLargeException("The request body is larger than a JSON upload may be (" + limit
                + " bytes of content); " + BINARY_UPLOAD_HINT);
    }
}
