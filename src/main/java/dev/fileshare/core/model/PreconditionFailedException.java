package dev.fileshare.core.model;

public final class PreconditionFailedException extends FileshareException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
