package dev.fileshare.core;

import java.time.Duration;

public final class TooManyLoginAttemptsException extends FileshareException {
    private final Duration retryAfter;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        super("Too many failed logins for this username; try again in " + retryAfter.toSeconds() + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
