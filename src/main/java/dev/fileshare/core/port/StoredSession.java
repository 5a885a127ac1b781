package dev.fileshare.core.port;

import dev.fileshare.core.model.Username;
import java.time.Instant;

/** A login session, stored under the SHA-256 of its token. */
public record StoredSession(String tokenHash, Username username, Instant expiresAt) {}
