package dev.fileshare.core.model;

/** The running store mode does not offer this operation (yet): 501, which no retry changes. */
public final class NotAvailableException extends FileshareException {
    public NotAvailableException(String message) {
        super(message);
    }
}
