package dev.fileshare.core;

public final class ContentTooLargeException extends FileshareException {
    public ContentTooLargeException(String message) {
        super(message);
    }
}
