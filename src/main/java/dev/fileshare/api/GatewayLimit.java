package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.core.model.ContentTooLargeException;

/**
 * The largest body the API gateway in front of the service carries in one request or one response (API Gateway:
 * 10 MB; the stack sets a little less), so that {@code PUT /file} and {@code GET /file} refuse what could never pass
 * it with an answer that names the way that can: the transfer URLs, which bypass the gateway.
 *
 * @param maxBodyBytes the gateway's limit; 0 when no gateway limits the service (local mode, direct access)
 */
public record GatewayLimit(long maxBodyBytes) {
    public static final GatewayLimit NONE = new GatewayLimit(0);

    static final String LARGE_UPLOADS = "send larger files to a direct upload URL (POST /file/upload-url)";
    static final String LARGE_DOWNLOADS = "fetch larger files from a download URL (GET /file/download-url)";

    public GatewayLimit {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be 0 (none) or positive");
        }
    }

    /** True when a body of {@code bytes} could not pass the gateway. */
    public boolean exceeds(long bytes) {
        return maxBodyBytes > 0 && bytes > maxBodyBytes;
    }

    /** {@code limit}, lowered to the gateway's when that is smaller. */
    long bound(long limit) {
        return maxBodyBytes > 0 ? Math.min(limit, maxBodyBytes) : limit;
    }

    /** The 413 of an upload body of {@code length} bytes ({@code -1}: not announced) that the gateway cannot carry. */
    ContentTooLargeException uploadTooLarge(long length) {
        String size = length >= 0 ? "The body is " + length + " bytes" : "The body is larger";
        return new ContentTooLargeException(size + ", over the " + maxBodyBytes
                + " bytes the API gateway carries in one request; " + LARGE_UPLOADS + ".");
    }

    /**
     * The 409 of a download whose answer would be {@code bodyBytes}: a GET has no content to be too large (413),
     * the file's current size is what conflicts with this way of fetching it, and the client can resolve it.
     */
    Problem downloadTooLarge(long bodyBytes) {
        String detail = "The answer would be " + bodyBytes + " bytes, over the " + maxBodyBytes
                + " bytes the API gateway carries in one response; " + LARGE_DOWNLOADS + ", or in Range requests"
                + " of at most " + maxBodyBytes + " bytes each.";
        return Problem.of(409, "Conflict", detail);
    }
}
