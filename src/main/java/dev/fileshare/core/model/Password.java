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

    /**
     * A password offered at login: one longer than registration accepts can match no account, so it is refused
     * before anything hashes it.
     */
    public static Password forLogin(String field, String value) {
        if (value == null) {
            throw InvalidInputException.of(field, "is required");
        }
        if (value.length() > 2 * MAX_LENGTH || value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw InvalidInputException.of(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return new Password(value);
    }

    @Override
    public String toString() {
        return "Password[****]";
    }
}
