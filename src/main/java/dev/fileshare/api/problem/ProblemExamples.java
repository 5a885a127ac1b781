package dev.fileshare.api.problem;

import dev.fileshare.core.model.HashingBusyException;
import dev.fileshare.core.model.LinkPasswordException;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.WrongPasswordException;

/**
 * Examples of the shared error responses in the OpenAPI document, one per status, so that Swagger UI and client
 * docs show each status's own problem rather than the Problem schema's 400.
 */
public final class ProblemExamples {
    private static final String BLANK = "{\"type\": \"about:blank\", ";

    public static final String BAD_REQUEST = BLANK + "\"title\": \"Bad Request\", \"status\": 400, "
            + "\"detail\": \"username: must be 1-64 characters of A-Z a-z 0-9 _ -\", "
            + "\"message\": \"username: must be 1-64 characters of A-Z a-z 0-9 _ -\", "
            + "\"errors\": [{\"field\": \"username\", \"message\": \"must be 1-64 characters of A-Z a-z 0-9 _ -\"}]}";
    public static final String UNAUTHORIZED = BLANK + "\"title\": \"Unauthorized\", \"status\": 401, "
            + "\"detail\": \"The session token is unknown, expired or logged out.\", "
            + "\"message\": \"The session token is unknown, expired or logged out.\"}";
    public static final String BAD_CREDENTIALS = BLANK + "\"title\": \"Unauthorized\", \"status\": 401, "
            + "\"detail\": \"Unknown username or wrong password.\", \"message\": \"Unknown username or wrong password.\"}";
    public static final String FORBIDDEN = BLANK + "\"title\": \"Forbidden\", \"status\": 403, "
            + "\"detail\": \"The transfer URL has expired.\", \"message\": \"The transfer URL has expired.\"}";
    public static final String GONE = BLANK + "\"title\": \"Gone\", \"status\": 410, "
            + "\"detail\": \"This URL no longer applies: the file was replaced or deleted since it was issued.\", "
            + "\"message\": \"This URL no longer applies: the file was replaced or deleted since it was issued.\"}";
    public static final String NOT_FOUND = BLANK + "\"title\": \"Not Found\", \"status\": 404, "
            + "\"detail\": \"No file 'notes.txt' of 'alice' that you may read.\", "
            + "\"message\": \"No file 'notes.txt' of 'alice' that you may read.\"}";
    public static final String CONFLICT = BLANK + "\"title\": \"Conflict\", \"status\": 409, "
            + "\"detail\": \"The username 'alice' is already taken.\", \"message\": \"The username 'alice' is already taken.\"}";
    public static final String PRECONDITION_FAILED = BLANK + "\"title\": \"Precondition Failed\", \"status\": 412, "
            + "\"detail\": \"The file exists (If-None-Match: *).\", \"message\": \"The file exists (If-None-Match: *).\"}";
    private static final String TOO_LARGE =
            "The content is 8388608 bytes, over the JSON upload limit of 7340032 bytes; "
                    + JsonUploadTooLarge.BINARY_UPLOAD_HINT;
    public static final String CONTENT_TOO_LARGE = BLANK + "\"title\": \"Content Too Large\", \"status\": 413, "
            + "\"detail\": \"" + TOO_LARGE + "\", \"message\": \"" + TOO_LARGE + "\"}";
    private static final String GATEWAY = "The answer would be 52428800 bytes, over the 9437184 bytes the API gateway "
            + "carries in one response; fetch larger files from a download URL (GET /file/download-url), "
            + "or in Range requests of at most 9437184 bytes each.";
    public static final String TOO_LARGE_FOR_GATEWAY = BLANK + "\"title\": \"Conflict\", \"status\": 409, "
            + "\"detail\": \"" + GATEWAY + "\", \"message\": \"" + GATEWAY + "\"}";
    public static final String RANGE_NOT_SATISFIABLE = BLANK + "\"title\": \"Range Not Satisfiable\", \"status\": 416, "
            + "\"detail\": \"The requested range lies outside the file's 5 bytes.\", "
            + "\"message\": \"The requested range lies outside the file's 5 bytes.\"}";
    public static final String TOO_MANY_REQUESTS = BLANK + "\"title\": \"Too Many Requests\", \"status\": 429, "
            + "\"detail\": \"" + TooManyLoginAttemptsException.MESSAGE + "\", "
            + "\"message\": \"" + TooManyLoginAttemptsException.MESSAGE + "\"}";

    public static final String VERSION_NOT_FOUND = BLANK + "\"title\": \"Not Found\", \"status\": 404, "
            + "\"detail\": \"No version '3f2a9c4e' of file 'notes.txt' of 'alice'.\", "
            + "\"message\": \"No version '3f2a9c4e' of file 'notes.txt' of 'alice'.\"}";
    public static final String NOT_IN_TRASH = BLANK + "\"title\": \"Not Found\", \"status\": 404, "
            + "\"detail\": \"No file 'notes.txt' in your trash.\", \"message\": \"No file 'notes.txt' in your trash.\"}";
    public static final String FILE_EXISTS = BLANK + "\"title\": \"Conflict\", \"status\": 409, "
            + "\"detail\": \"A file 'notes.txt' exists: rename or delete it first.\", "
            + "\"message\": \"A file 'notes.txt' exists: rename or delete it first.\"}";
    public static final String NOT_AVAILABLE = BLANK + "\"title\": \"Not Found\", \"status\": 404, "
            + "\"detail\": \"Older versions are not available: the bucket is not versioned.\", "
            + "\"message\": \"Older versions are not available: the bucket is not versioned.\"}";

    public static final String LINK_NOT_FOUND = BLANK + "\"title\": \"Not Found\", \"status\": 404, "
            + "\"detail\": \"No such link: it never existed, was revoked, or its file was deleted.\", "
            + "\"message\": \"No such link: it never existed, was revoked, or its file was deleted.\"}";
    public static final String LINK_GONE = BLANK + "\"title\": \"Gone\", \"status\": 410, "
            + "\"detail\": \"This link's 3 download(s) are used up.\", "
            + "\"message\": \"This link's 3 download(s) are used up.\"}";
    public static final String LINK_PASSWORD = BLANK + "\"title\": \"Unauthorized\", \"status\": 401, "
            + "\"detail\": \"" + LinkPasswordException.REQUIRED + "\", "
            + "\"message\": \"" + LinkPasswordException.REQUIRED + "\"}";
    public static final String LINK_TOO_MANY_REQUESTS = BLANK + "\"title\": \"Too Many Requests\", \"status\": 429, "
            + "\"detail\": \"" + TooManyLoginAttemptsException.LINK_MESSAGE + "\", "
            + "\"message\": \"" + TooManyLoginAttemptsException.LINK_MESSAGE + "\"}";

    public static final String WRONG_PASSWORD = BLANK + "\"title\": \"Forbidden\", \"status\": 403, "
            + "\"detail\": \"" + WrongPasswordException.MESSAGE + "\", "
            + "\"message\": \"" + WrongPasswordException.MESSAGE + "\"}";
    private static final String TOO_SLOW = "The request body came too slowly: it must start within 20 s and then "
            + "arrive at 500 bytes a second or more; nothing was stored.";
    public static final String REQUEST_TIMEOUT = BLANK + "\"title\": \"Request Timeout\", \"status\": 408, "
            + "\"detail\": \"" + TOO_SLOW + "\", \"message\": \"" + TOO_SLOW + "\"}";
    private static final String QUOTA = "The byte quota of 10485760 bytes would be passed: 10000000 bytes are used, "
            + "and this write would make 11048576.";
    public static final String INSUFFICIENT_STORAGE = BLANK + "\"title\": \"Insufficient Storage\", \"status\": 507, "
            + "\"detail\": \"" + QUOTA + "\", \"message\": \"" + QUOTA + "\", "
            + "\"quota\": {\"name\": \"bytes\", \"limit\": 10485760, \"used\": 10000000}}";
    public static final String SERVICE_UNAVAILABLE = BLANK + "\"title\": \"Service Unavailable\", \"status\": 503, "
            + "\"detail\": \"" + HashingBusyException.MESSAGE + "\", "
            + "\"message\": \"" + HashingBusyException.MESSAGE + "\"}";

    private ProblemExamples() {}
}
