package dev.fileshare.core.model;

import java.util.Optional;

/**
 * When a write may happen, checked atomically with the write itself by the store. Each condition says here whether
 * it holds for the file's current version and what the client is told when it does not, so every store answers
 * alike.
 */
public sealed interface WriteCondition {
    WriteCondition ALWAYS = new Always();
    WriteCondition ONLY_IF_ABSENT = new OnlyIfAbsent();

    /** Whether a write may replace the version with this entity tag ({@code currentEtag}; empty: no file). */
    boolean holdsFor(Optional<String> currentEtag);

    /** The 412 to answer when the condition does not hold (a store may learn that only at commit). */
    PreconditionFailedException failure();

    /** @throws PreconditionFailedException unless the condition holds for {@code currentEtag} */
    default void check(Optional<String> currentEtag) {
        if (!holdsFor(currentEtag)) {
            throw failure();
        }
    }

    record Always() implements WriteCondition {
        @Override
        public boolean holdsFor(Optional<String> currentEtag) {
            return true;
        }

        @Override
        public PreconditionFailedException failure() {
            throw new IllegalStateException("an unconditional write has no condition to fail");
        }
    }

    /** {@code If-None-Match: *}: create only. */
    record OnlyIfAbsent() implements WriteCondition {
        @Override
        public boolean holdsFor(Optional<String> currentEtag) {
            return currentEtag.isEmpty();
        }

        @Override
        public PreconditionFailedException failure() {
            return new PreconditionFailedException("The file exists (If-None-Match: *).");
        }
    }

    /** {@code If-Match: "etag"}: replace only that version. */
    record OnlyIfMatches(String etag) implements WriteCondition {
        @Override
        public boolean holdsFor(Optional<String> currentEtag) {
            return currentEtag.filter(etag::equals).isPresent();
        }

        @Override
        public PreconditionFailedException failure() {
            return new PreconditionFailedException("The file's current version is not " + etag + " (If-Match).");
        }
    }
}
