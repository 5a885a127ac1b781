package dev.fileshare.core.model;

/** A signed-in user's own password, asked for to confirm a change, was wrong: the session stays valid (403). */
public final class WrongPasswordException extends FileshareException {
    public static final String MESSAGE = "The current password is wrong.";

    public WrongPasswordException() {
        super(MESSAGE);
    }
}
