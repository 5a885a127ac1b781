package dev.fileshare.core.model;

/** A link with a password, asked for without it or with a wrong one; the client may try again with the right one. */
public final class LinkPasswordException extends FileshareException {
    public static final String REQUIRED =
            "This link needs its password, sent as HTTP Basic credentials (the user name is ignored).";
    public static final String WRONG = "Wrong password for this link.";

    public LinkPasswordException(String message) {
        super(message);
    }
}
