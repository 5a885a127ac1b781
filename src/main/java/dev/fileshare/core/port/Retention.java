package dev.fileshare.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the stores keep what an overwrite or a delete leaves behind: the one rule every adapter applies (the
 * aws bucket's lifecycle rules say the same in S3's terms).
 *
 * @param keep how many older versions of a file are kept besides the current one (S3's "newer noncurrent versions")
 * @param versionMaxAge how long an older version is kept after it was replaced (S3's "noncurrent days")
 * @param trashMaxAge how long a deleted file, with its versions, stays in the trash
 */
public record Retention(int keep, Duration versionMaxAge, Duration trashMaxAge) {
    public static final Retention DEFAULT = new Retention(10, Duration.ofDays(30), Duration.ofDays(30));

    public Retention {
        if (keep < 0 || versionMaxAge.isNegative() || trashMaxAge.isNegative()) {
            throw new IllegalArgumentException("retention bounds cannot be negative");
        }
    }

    /**
     * Whether an older version stays: fewer than {@link #keep} older versions are newer than it, and it was replaced
     * less than {@link #versionMaxAge} ago.
     */
    public boolean keepsVersion(int newerOlderVersions, Instant replaced, Instant now) {
        return newerOlderVersions < keep && replaced.plus(versionMaxAge).isAfter(now);
    }

    /** When a file deleted at {@code deleted} leaves the trash for good. */
    public Instant purgeAt(Instant deleted) {
        return deleted.plus(trashMaxAge);
    }
}
