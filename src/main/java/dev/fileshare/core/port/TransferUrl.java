package dev.fileshare.core.port;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A short-lived URL that moves one file's bytes without a session (and past API Gateway's 10 MB limit).
 *
 * @param url relative URLs point at this service; the API resolves them against the request's base
 * @param headers what the request must carry besides its body (lower-case names): an S3 presigned URL signs them
 */
public record TransferUrl(URI url, String method, Instant expiresAt, Map<String, String> headers) {
    public TransferUrl {
        headers = Map.copyOf(headers);
    }
}
