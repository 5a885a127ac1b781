package dev.fileshare.core.model;

/** The running store mode does not offer this operation (yet): 404, as for a resource that is not there. */
public final class NotAvailableException extends FileshareException {
    public NotAvailableException(String message) {
        super(message);
    }
}
