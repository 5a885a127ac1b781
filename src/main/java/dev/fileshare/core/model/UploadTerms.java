package dev.fileshare.core.model;

/**
 * What an upload URL holds its upload to: one file, exactly {@code size} bytes, and a condition chosen when the
 * URL was issued (create only, or replace only one version).
 */
public record UploadTerms(FileKey key, long size, WriteCondition condition) {
    public UploadTerms {
        if (key == null || condition == null || size < 0) {
            throw new IllegalArgumentException("an upload needs a file, a size of at least 0 and a condition");
        }
    }
}
