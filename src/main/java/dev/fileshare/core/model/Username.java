package dev.fileshare.core.model;

import java.util.regex.Pattern;

/** A user's name: 1–64 of {@code A-Z a-z 0-9 _ -}, case-sensitive. Safe in paths, keys and logs. */
public record Username(String value) implements Comparable<Username> {
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Username {
        if (value == null || !RULE.matcher(value).matches()) {
            throw InvalidInputException.of("username", "must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    /** Validates a value the client sent in the field {@code field}. */
    public static Username parse(String field, String value) {
        if (value == null) {
            throw InvalidInputException.of(field, "is required");
        }
        if (!RULE.matcher(value).matches()) {
            throw InvalidInputException.of(field, "must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        return new Username(value);
    }

    public static boolean isValid(String value) {
        return value != null && RULE.matcher(value).matches();
    }

    @Override
    public int compareTo(Username other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
