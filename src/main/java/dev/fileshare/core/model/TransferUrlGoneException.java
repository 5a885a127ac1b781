package dev.fileshare.core.model;

/** A transfer URL whose signature holds but whose grant or version is gone: it no longer applies. */
public final class TransferUrlGoneException extends FileshareException {
    public TransferUrlGoneException(String reason) {
        super("This URL no longer applies: " + reason);
    }

    public static TransferUrlGoneException replacedOrDeleted() {
        return new TransferUrlGoneException("the file was replaced or deleted since it was issued.");
    }
}
