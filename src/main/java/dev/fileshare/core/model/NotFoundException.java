package dev.fileshare.core.model;

/** No such file or user, or one the caller may not see: the two are deliberately indistinguishable. */
public final class NotFoundException extends FileshareException {
    public NotFoundException(String message) {
        super(message);
    }
}
