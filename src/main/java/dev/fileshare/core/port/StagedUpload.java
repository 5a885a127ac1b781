package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.WriteCondition;
import java.time.Instant;
import java.util.Optional;

/**
 * A resumable upload in progress: the file it becomes, its announced length, how many bytes arrived so far, the
 * write condition it commits under, when it is abandoned, and the SHA-256 the whole file must have, if the client
 * announced one.
 *
 * @param id the upload's URL segment: random, and only its owner's session can use it
 */
public record StagedUpload(
        String id,
        FileKey key,
        long length,
        long offset,
        WriteCondition condition,
        Instant expires,
        Optional<Sha256Digest> sha256) {
    /** An upload with no digest announced. */
    public StagedUpload(String id, FileKey key, long length, long offset, WriteCondition condition, Instant expires) {
        this(id, key, length, offset, condition, expires, Optional.empty());
    }

    public StagedUpload {
        if (id == null || key == null || condition == null || expires == null || sha256 == null) {
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
        return new StagedUpload(id, key, length, newOffset, condition, newExpiry, sha256);
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
