package dev.fileshare.api;

import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.WriteCondition;

/** Reads the conditional-request headers of a PUT into the condition the store checks atomically with the write. */
final class WriteConditions {
    private WriteConditions() {}

    static WriteCondition from(String ifMatch, String ifNoneMatch) {
        boolean hasMatch = ifMatch != null && !ifMatch.isBlank();
        boolean hasNoneMatch = ifNoneMatch != null && !ifNoneMatch.isBlank();
        if (hasMatch && hasNoneMatch) {
            throw InvalidInputException.of("If-Match", "cannot be combined with If-None-Match");
        }
        if (hasNoneMatch) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw InvalidInputException.of("If-None-Match", "on PUT must be * (create only)");
            }
            return WriteCondition.ONLY_IF_ABSENT;
        }
        if (hasMatch) {
            String etag = ifMatch.trim();
            if (!etag.matches("\"[\\x21\\x23-\\x7E]*\"")) {
                throw InvalidInputException.of(
                        "If-Match", "must be one strong entity tag, quoted, as the ETag header gave it");
            }
            return new WriteCondition.OnlyIfMatches(etag);
        }
        return WriteCondition.ALWAYS;
    }
}
