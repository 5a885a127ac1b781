package dev.fileshare.api;

import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.WriteCondition;

/** Reads the conditional-request headers of a PUT into the condition the store checks atomically with the write. */
final class WriteConditions {
    private WriteConditions() {}

    static WriteCondition from(String ifMatch, String ifNoneMatch) {
        return from(ifMatch, ifNoneMatch, "If-Match", "If-None-Match");
    }

    /** The same rule for the values of fields other than the headers (e.g. an upload URL's request), named so. */
    static WriteCondition from(String ifMatch, String ifNoneMatch, String ifMatchField, String ifNoneMatchField) {
        boolean hasMatch = ifMatch != null && !ifMatch.isBlank();
        boolean hasNoneMatch = ifNoneMatch != null && !ifNoneMatch.isBlank();
        if (hasMatch && hasNoneMatch) {
            throw InvalidInputException.of(ifMatchField, "cannot be combined with " + ifNoneMatchField);
        }
        if (hasNoneMatch) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw InvalidInputException.of(ifNoneMatchField, "on PUT must be * (create only)");
            }
            return WriteCondition.ONLY_IF_ABSENT;
        }
        if (hasMatch) {
            String etag = ifMatch.trim();
            if (!isEntityTag(etag)) {
                throw InvalidInputException.of(
                        ifMatchField, "must be one strong entity tag, quoted, as the ETag header gave it");
            }
            return new WriteCondition.OnlyIfMatches(etag);
        }
        return WriteCondition.ALWAYS;
    }

    /** One strong entity tag, quoted (RFC 9110 §8.8.3): printable ASCII but the quote, between quotes. */
    static boolean isEntityTag(String value) {
        return value.matches("\"[\\x21\\x23-\\x7E]*\"");
    }
}
