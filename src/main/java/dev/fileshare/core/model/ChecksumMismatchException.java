package dev.fileshare.core.model;

/** A chunk's bytes do not have the checksum the client sent with them; none of them were kept (tus: 460). */
public final class ChecksumMismatchException extends FileshareException {
    public ChecksumMismatchException(String message) {
        super(message);
    }
}
