package dev.fileshare.core.port;

import java.net.URI;
import java.time.Instant;

/**
 * A short-lived URL that moves one file's bytes without a session (and past API Gateway's 10 MB limit).
 *
 * @param url relative URLs point at this service; the API resolves them against the request's base
 */
public record TransferUrl(URI url, String method, Instant expiresAt) {}
