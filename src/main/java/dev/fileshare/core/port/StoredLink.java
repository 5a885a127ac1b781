package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.LinkHandle;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A public link as stored: under its handle, with the SHA-256 of its id (never the id) and the PHC hash of its
 * password (never the password).
 *
 * @param purgeAt when the store may forget the link and its access log (it answers 410 until then, once expired)
 * @param claimed downloads counted against {@code maxDownloads}: those completed and those under way
 * @param downloads downloads whose whole body was sent
 */
public record StoredLink(
        LinkHandle handle,
        String idHash,
        FileKey file,
        Instant created,
        Instant expiresAt,
        Instant purgeAt,
        OptionalLong maxDownloads,
        long claimed,
        long downloads,
        Optional<String> passwordHash) {

    /** A link as created: nothing claimed or downloaded yet. */
    public static StoredLink fresh(
            LinkHandle handle,
            String idHash,
            FileKey file,
            Instant created,
            Instant expiresAt,
            Instant purgeAt,
            OptionalLong maxDownloads,
            Optional<String> passwordHash) {
        return new StoredLink(handle, idHash, file, created, expiresAt, purgeAt, maxDownloads, 0, 0, passwordHash);
    }

    @Override
    public String toString() {
        return "StoredLink[" + handle + " to " + file + "]";
    }
}
