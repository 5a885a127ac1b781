package dev.fileshare.core.model;

import java.time.Duration;

/** Every password-hashing slot is busy and the queue for them is full: the client should come back shortly. */
public final class HashingBusyException extends FileshareException {
    public static final String MESSAGE =
            "The service is busy checking other passwords; try again after the time given in Retry-After.";

    private final Duration retryAfter;

    public HashingBusyException(Duration retryAfter) {
        super(MESSAGE);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
