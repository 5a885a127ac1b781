package dev.fileshare.core;

public final class PreconditionFailedException extends FileshareException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
