package dev.fileshare.api;

import dev.fileshare.core.model.SessionToken;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the session token in a request: {@code x-session-token} (the original header) or {@code Authorization: Bearer}. */
final class SessionTokens {
    static final String HEADER = "x-session-token";
    /** The shape of tokens this service issues; anything else cannot be a session and costs no store lookup. */
    private static final Pattern ISSUED_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final String BEARER = "bearer ";

    private SessionTokens() {}

    /** The token the client sent, whatever its shape; empty when it sent none. */
    static Optional<String> sent(HttpHeaders headers) {
        return sent(headers.getHeaderString(HEADER), headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** The same from the two headers' values (null when absent): {@code x-session-token} wins. */
    static Optional<String> sent(String header, String authorization) {
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            if (!token.isEmpty()) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /** A token of the shape this service issues, or empty. */
    static Optional<SessionToken> wellFormed(String sent) {
        return ISSUED_SHAPE.matcher(sent).matches() ? Optional.of(new SessionToken(sent)) : Optional.empty();
    }
}
