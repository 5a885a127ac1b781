package dev.fileshare.core.port;

import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;

/**
 * Issues transfer URLs: signed by this service in the local mode, S3 presigned URLs in the AWS mode. Each is
 * bound to what it was issued for, as far as its kind can be: see the implementations.
 */
public interface TransferUrls {
    /** A URL that stores exactly {@code terms.size()} bytes as {@code terms.key()}, if its condition holds. */
    TransferUrl upload(UploadTerms terms);

    /**
     * A URL that reads {@code version} (that version, not whatever replaces it), issued to {@code reader}: the
     * file's owner, or a user it is shared with.
     *
     * @throws VersionGoneException when {@code version} was replaced or deleted before the URL could name it
     */
    TransferUrl download(FileVersion version, Username reader);

    /** The most bytes one upload URL can carry, whatever the configured upload limit allows. */
    default long maxUploadBytes() {
        return Long.MAX_VALUE;
    }
}
