package dev.fileshare.core.model;

import java.util.List;

/** The client sent a value that breaks a rule of the service; lists every field at fault. */
public final class InvalidInputException extends FileshareException {
    private final List<FieldError> errors;

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(error.field() + ": " + error.message(), List.of(error));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
