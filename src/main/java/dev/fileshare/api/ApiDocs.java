package dev.fileshare.api;

/** Names of the OpenAPI components (security schemes, shared error responses) the resources refer to. */
final class ApiDocs {
    static final String SESSION = "sessionToken";
    static final String BEARER = "bearerToken";

    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String NOT_FOUND = "NotFound";
    static final String CONFLICT = "Conflict";
    static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String FORBIDDEN = "Forbidden";
    static final String GONE = "Gone";
    static final String PRECONDITION_FAILED = "PreconditionFailed";
    static final String RANGE_NOT_SATISFIABLE = "RangeNotSatisfiable";
    static final String LINK_NOT_FOUND = "LinkNotFound";
    static final String LINK_GONE = "LinkGone";
    static final String LINK_PASSWORD = "LinkPasswordRequired";
    static final String LINK_TOO_MANY_REQUESTS = "LinkTooManyRequests";
    static final String WRONG_PASSWORD = "WrongPassword";
    static final String REQUEST_TIMEOUT = "RequestTimeout";
    static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    static final String INSUFFICIENT_STORAGE = "InsufficientStorage";
    static final String NOT_AVAILABLE = "NotAvailable";

    // A components parameter's name is both its key and the header it documents.
    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";
    static final String ETAG = "ETag";
    static final String REPR_DIGEST = DigestFields.REPR_DIGEST;
    static final String CONTENT_DIGEST = DigestFields.CONTENT_DIGEST;
    static final String WANT_REPR_DIGEST = DigestFields.WANT_REPR_DIGEST;
    static final String WANT_CONTENT_DIGEST = DigestFields.WANT_CONTENT_DIGEST;

    /**
     * What a file name may be (the rule is dev.fileshare.core.model.FileName's), wherever a client sends one. The
     * descriptions are Markdown, so the backslash is written escaped.
     */
    static final String FILE_NAME_RULE = "1-255 bytes of UTF-8 in Unicode NFC: a name sent decomposed (e + U+0301) "
            + "is the same name as composed (U+00E9), and answers give the composed form. Not '.' or '..'; no '/' "
            + "or '\\\\'; and no character that does not show: control characters (U+0000-U+001F, U+007F-U+009F), "
            + "format characters (Unicode category Cf, among them the bidirectional controls U+061C, U+200E, U+200F, "
            + "U+202A-U+202E and U+2066-U+2069 and the zero-width U+200B-U+200D, U+2060 and U+FEFF), or the line "
            + "and paragraph separators U+2028 and U+2029. Anything else is 400.";

    private ApiDocs() {}
}
