package dev.fileshare.core.model;

import java.util.OptionalLong;

/**
 * What an owner stores, as quotas count it: the files they own and the bytes those files hold. Shares with them do
 * not count. A store adds up what it holds for the owner ({@code BlobStore.usage}); how one write changes the figure
 * is {@link #afterWrite}, the one place to change when more kinds of stored content (e.g. kept versions) count.
 */
public record Usage(long files, long bytes) {
    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        if (files < 0 || bytes < 0) {
            throw new IllegalArgumentException("a usage is never negative");
        }
    }

    /**
     * The usage once a write of {@code newSize} bytes commits: a new file when {@code replacedSize} is empty, else a
     * replacement, which counts the new size minus the old.
     */
    public Usage afterWrite(OptionalLong replacedSize, long newSize) {
        if (replacedSize.isEmpty()) {
            return new Usage(files + 1, bytes + newSize);
        }
        return new Usage(files, Math.max(0, bytes - replacedSize.getAsLong()) + newSize);
    }
}
