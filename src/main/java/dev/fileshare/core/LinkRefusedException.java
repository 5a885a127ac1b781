package dev.fileshare.core;

/** A transfer URL whose signature does not match or whose time is up. */
public final class LinkRefusedException extends FileshareException {
    public LinkRefusedException(String message) {
        super(message);
    }
}
