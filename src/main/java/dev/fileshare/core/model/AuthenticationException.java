package dev.fileshare.core.model;

/** Bad credentials or no valid session; never says which part was wrong. */
public final class AuthenticationException extends FileshareException {
    public AuthenticationException(String message) {
        super(message);
    }
}
