package dev.fileshare.core.model;

import java.nio.charset.StandardCharsets;

/**
 * A file's name inside its owner's space: 1–255 bytes of well-formed UTF-8, no {@code /} or {@code \},
 * no control character, not {@code .} or {@code ..}. So no name can reach outside the owner's space.
 */
public record FileName(String value) {
    public static final int MAX_UTF8_BYTES = 255;

    public FileName {
        String problem = problemWith(value);
        if (problem != null) {
            throw InvalidInputException.of("file_name", problem);
        }
    }

    public static FileName parse(String field, String value) {
        String problem = problemWith(value);
        if (problem != null) {
            throw InvalidInputException.of(field, problem);
        }
        return new FileName(value);
    }

    /** Why {@code value} is not a file name, or null when it is one. */
    static String problemWith(String value) {
        if (value == null) {
            return "is required";
        }
        if (value.isEmpty()) {
            return "must not be empty";
        }
        if (value.equals(".") || value.equals("..")) {
            return "must not be '.' or '..'";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\') {
                return "must not contain '/' or '\\'";
            }
            if (c < 0x20 || c == 0x7F) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be well-formed Unicode";
            }
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return "must be at most 255 bytes of UTF-8";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
