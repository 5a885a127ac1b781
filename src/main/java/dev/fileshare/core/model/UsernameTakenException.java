package dev.fileshare.core.model;

public final class UsernameTakenException extends FileshareException {
    public UsernameTakenException(Username username) {
        super("The username '" + username + "' is already taken.");
    }
}
