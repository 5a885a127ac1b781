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

    // A components parameter's name is both its key and the header it documents.
    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";
    static final String ETAG = "ETag";

    private ApiDocs() {}
}
