package dev.fileshare.core.model;

import java.time.Instant;

/** What a successful login hands the client. */
public record LoginSession(SessionToken token, Instant expiresAt) {}
