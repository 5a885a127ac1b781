package dev.fileshare.store;

/** The six ports of one store (local or aws), opened together and closed together. */
public record Stores(
        UserStore users,
        SessionStore sessions,
        ShareStore shares,
        LoginFailureStore loginFailures,
        BlobStore blobs,
        StoreHealth health,
        AutoCloseable resources) implements AutoCloseable {

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new StoreException("cannot close the store", e);
        }
    }
}
