package dev.fileshare.core.model;

import java.util.OptionalLong;

/**
 * The most bytes and files one user may store; empty: no limit. A write is admitted when it keeps its owner within
 * both, or does not make things worse (a replacement that shrinks a file is always admitted, even over a quota
 * lowered since).
 */
public record Quota(OptionalLong bytes, OptionalLong files) {
    public static final Quota UNLIMITED = new Quota(OptionalLong.empty(), OptionalLong.empty());

    public Quota {
        if (bytes.orElse(0) < 0 || files.orElse(0) < 0) {
            throw new IllegalArgumentException("a quota is never negative");
        }
    }

    public boolean isUnlimited() {
        return bytes.isEmpty() && files.isEmpty();
    }

    /**
     * Admits a write of {@code newSize} bytes by an owner whose usage is {@code before}, replacing a file of
     * {@code replacedSize} bytes (empty: creating one).
     *
     * @throws QuotaExceededException naming the quota it would pass
     */
    public void admit(Usage before, OptionalLong replacedSize, long newSize) {
        admit(before, before.afterWrite(replacedSize, newSize));
    }

    /**
     * Admits a write that takes its owner's usage from {@code before} to {@code after} (a store that can count
     * both in the write's transaction knows what kept and dropped versions change).
     *
     * @throws QuotaExceededException naming the quota it would pass
     */
    public void admit(Usage before, Usage after) {
        if (bytes.isPresent() && after.bytes() > bytes.getAsLong() && after.bytes() > before.bytes()) {
            throw QuotaExceededException.bytes(bytes.getAsLong(), before.bytes(), after.bytes());
        }
        if (files.isPresent() && after.files() > files.getAsLong() && after.files() > before.files()) {
            throw QuotaExceededException.files(files.getAsLong(), before.files());
        }
    }

    /**
     * Refuses, before any byte is read, a write of {@code announcedSize} bytes (-1: unknown) that no usage could
     * admit: a file alone larger than the byte quota.
     */
    public void admitAnnounced(long announcedSize) {
        if (bytes.isPresent() && announcedSize > bytes.getAsLong()) {
            throw QuotaExceededException.bytes(bytes.getAsLong(), -1, announcedSize);
        }
    }
}
