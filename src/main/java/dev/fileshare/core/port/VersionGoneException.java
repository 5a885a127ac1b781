package dev.fileshare.core.port;

/** The version a reader asked for was replaced or deleted after it was looked up; look it up again. */
public final class VersionGoneException extends RuntimeException {
    public VersionGoneException(String message) {
        super(message, null, false, false);
    }
}
