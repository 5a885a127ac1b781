package dev.fileshare.core.model;

import java.time.Instant;

/** A link that exists but serves nothing more: it expired, or its downloads are used up. */
public final class LinkGoneException extends FileshareException {
    public LinkGoneException(String message) {
        super(message);
    }

    public static LinkGoneException expired(Instant at) {
        return new LinkGoneException("This link expired at " + at + ".");
    }

    public static LinkGoneException usedUp(long maxDownloads) {
        return new LinkGoneException("This link's " + maxDownloads + " download(s) are used up.");
    }
}
