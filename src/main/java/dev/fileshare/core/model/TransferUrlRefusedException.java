package dev.fileshare.core.model;

/** A transfer URL whose signature does not match or whose time is up. */
public final class TransferUrlRefusedException extends FileshareException {
    public TransferUrlRefusedException(String message) {
        super(message);
    }
}
