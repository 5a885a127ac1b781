package dev.fileshare.core.port;

import java.util.Optional;

/**
 * The ports of one store (local or aws), opened together and closed together.
 *
 * @param transferUrls the store's own short-lived URLs that move bytes past the service (S3 presigned URLs);
 *                      empty when the service signs URLs to itself instead (the local store)
 * @param uploads      resumable uploads in progress; empty where the store keeps none yet (the aws store), and the
 *                      service then answers 404 at /uploads
 * @param listingVersions when each user's listing last changed; empty where the store cannot tell for less than the
 *                      listing itself costs (the aws store: every server writes, and DynamoDB offers no cheaper
 *                      signal), and every listing is then read anew
 */
public record Stores(
        UserStore users,
        SessionStore sessions,
        ShareStore shares,
        LoginAttemptStore loginAttempts,
        LinkStore links,
        BlobStore blobs,
        Optional<UploadStore> uploads,
        StoreHealth health,
        Optional<TransferUrls> transferUrls,
        Optional<ListingVersions> listingVersions,
        AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new StoreException("cannot close the store", e);
        }
    }
}
