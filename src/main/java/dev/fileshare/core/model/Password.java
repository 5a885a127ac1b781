package dev.fileshare.core.model;

/** A password as the client typed it: 8–1024 characters. Never printed. */
public record Password(String value) {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;

    public static Password parse(String field, String value) {
        if (value == null) {
            throw InvalidInputException.of(field, "is required");
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw InvalidInputException.of(field, "must be 8-1024 characters");
        }
        return new Password(value);
    }

    @Override
    public String toString() {
        return "Password[****]";
    }
}
