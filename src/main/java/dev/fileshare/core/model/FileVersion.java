package dev.fileshare.core.model;

import java.time.Instant;
import java.util.Optional;

/**
 * What the service knows of one stored version of a file.
 *
 * @param etag a strong entity tag, quoted as HTTP sends it; it changes whenever the content is written
 * @param sha256 the SHA-256 of the content, computed as it was written; empty where the store does not know it (a
 *     version written before digests were kept, or one the store cannot tell in that call, e.g. S3's listing)
 */
public record FileVersion(FileKey key, long size, Instant modified, String etag, Optional<Sha256Digest> sha256) {
    /** A version whose digest is not known. */
    public FileVersion(FileKey key, long size, Instant modified, String etag) {
        this(key, size, modified, etag, Optional.empty());
    }

    /** The same version without its digest: how a store that cannot tell the digest in a call describes it. */
    public FileVersion withoutSha256() {
        return new FileVersion(key, size, modified, etag);
    }
}
