package dev.fileshare.store;

import dev.fileshare.core.Username;
import java.time.Instant;

/** A login session, stored under the SHA-256 of its token. */
public record StoredSession(String tokenHash, Username username, Instant expiresAt) {
}
