package dev.fileshare.core.model;

public final class ContentTooLargeException extends FileshareException {
    public ContentTooLargeException(String message) {
        super(message);
    }
}
