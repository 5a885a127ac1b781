package dev.fileshare.core.model;

import java.util.Optional;

/**
 * What a download URL was issued for: one version of one file ({@code etag}) and, when issued to a grantee rather
 * than the owner, that grantee's share, which must still exist when the URL is used.
 */
public record DownloadTerms(FileKey key, String etag, Optional<Username> grantee) {
    public DownloadTerms {
        if (key == null || etag == null || grantee == null) {
            throw new IllegalArgumentException("a download names a file, its version and, if any, the grantee");
        }
    }

    /** The terms of a URL for {@code version} issued to {@code reader}: a grantee unless the owner. */
    public static DownloadTerms of(FileVersion version, Username reader) {
        FileKey key = version.key();
        return new DownloadTerms(
                key, version.etag(), reader.equals(key.owner()) ? Optional.empty() : Optional.of(reader));
    }
}
