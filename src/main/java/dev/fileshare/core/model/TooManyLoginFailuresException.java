package dev.fileshare.core.model;

import java.time.Duration;

public final class TooManyLoginFailuresException extends FileshareException {
    private final Duration retryAfter;

    public TooManyLoginFailuresException(Duration retryAfter) {
        super("Too many failed logins for this username; try again in " + retryAfter.toSeconds() + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
