package dev.fileshare.core.model;

/** A rule of the service said no; the message is safe to show to the client. */
public abstract class FileshareException extends RuntimeException {
    protected FileshareException(String message) {
        super(message, null, false, false);
    }
}
