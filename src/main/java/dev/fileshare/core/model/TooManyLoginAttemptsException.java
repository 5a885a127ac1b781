package dev.fileshare.core.model;

import java.time.Duration;

/**
 * Login, or a link's password, refused before the password is checked. The message is the same whichever limit was
 * reached, so the answer tells neither which one nor whether the username exists.
 */
public final class TooManyLoginAttemptsException extends FileshareException {
    public static final String MESSAGE = "Too many failed logins; try again after the time given in Retry-After.";
    /** The same refusal for a public link's password. */
    public static final String LINK_MESSAGE =
            "Too many wrong passwords for this link; try again after the time given in Retry-After.";

    private final Duration retryAfter;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        this(MESSAGE, retryAfter);
    }

    public TooManyLoginAttemptsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
