package dev.fileshare.api;

import dev.fileshare.core.model.InvalidInputException;
import java.util.Optional;

/** The {@code version} a request names: as {@code GET /file/versions} lists it, printable ASCII of bounded length. */
final class VersionParameter {
    static final String NAME = "version";
    static final String DESCRIPTION = "A `version` from `GET /file/versions`: that version instead of the current one.";
    private static final int MAX_LENGTH = 1024;

    private VersionParameter() {}

    static Optional<String> optional(String raw) {
        return raw == null ? Optional.empty() : Optional.of(required(raw));
    }

    static String required(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw InvalidInputException.of(NAME, "is required");
        }
        if (raw.length() > MAX_LENGTH || !raw.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw InvalidInputException.of(NAME, "is not a version this service names");
        }
        return raw;
    }
}
