package dev.fileshare.core.model;

/** The client sent its request body too slowly; it was cut off and nothing of it was kept. */
public final class RequestTimeoutException extends FileshareException {
    public RequestTimeoutException(String message) {
        super(message);
    }
}
