package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.WriteCondition;
import java.time.Instant;

/**
 * A resumable upload in progress: the file it becomes, its announced length, how many bytes arrived so far, the
 * write condition it commits under, and when it is abandoned.
 *
 * @param id the upload's URL segment: random, and only its owner's session can use it
 */
public record StagedUpload(
        String id, FileKey key, long length, long offset, WriteCondition condition, Instant expires) {
    public StagedUpload {
        if (id == null || key == null || condition == null || expires == null) {
            throw new IllegalArgumentException("an upload needs an id, a file, a condition and an expiry");
        }
        if (length < 0 || offset < 0 || offset > length) {
            throw new IllegalArgumentException("an upload's offset lies between 0 and its length");
        }
    }

    public boolean complete() {
        return offset == length;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    public StagedUpload at(long newOffset, Instant newExpiry) {
        return new StagedUpload(id, key, length, newOffset, condition, newExpiry);
    }

    /** The condition as a store keeps it: {@code *} (create only), an entity tag (replace only it), or empty. */
    public String conditionText() {
        if (condition instanceof WriteCondition.OnlyIfMatches matches) {
            return matches.etag();
        }
        return condition instanceof WriteCondition.OnlyIfAbsent ? "*" : "";
    }

    /** The inverse of {@link #conditionText()}. */
    public static WriteCondition condition(String text) {
        if (text == null || text.isEmpty()) {
            return WriteCondition.ALWAYS;
        }
        return text.equals("*") ? WriteCondition.ONLY_IF_ABSENT : new WriteCondition.OnlyIfMatches(text);
    }
}
