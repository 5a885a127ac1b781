package dev.fileshare.core.port;

import dev.fileshare.core.model.Username;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Resumable uploads in progress: a record of each and the bytes received so far, kept where every instance of the
 * service finds them, so that any of them (or the same one after a restart) can take the next chunk.
 */
public interface UploadStore {
    /** Records a new upload; {@code upload.offset()} is 0. */
    void create(StagedUpload upload) throws IOException;

    Optional<StagedUpload> find(String id);

    /**
     * Appends all of {@code content} at {@code offset}, or nothing: the bytes count only once the stream has ended
     * normally and are durable; a stream that fails (a cut connection, a wrong checksum) appends nothing.
     *
     * @param expires the upload's new expiry, once the chunk is appended (an upload expires when abandoned)
     * @return the upload with its new offset and expiry
     * @throws OffsetConflictException when {@code offset} is not where the upload stands, or another append to it
     *     is under way
     * @throws java.util.NoSuchElementException when there is no such upload
     */
    StagedUpload append(String id, long offset, InputStream content, Instant expires) throws IOException;

    /** Opens all bytes received so far, which the caller closes. */
    InputStream open(StagedUpload upload) throws IOException;

    /** Deletes the upload and its bytes; returns whether there was one. */
    boolean delete(String id) throws IOException;

    /** How many uploads {@code owner} has recorded (expired or not). */
    int count(Username owner);

    /** Uploads whose expiry is at or before {@code now}, at most {@code max}. */
    List<String> expired(Instant now, int max);

    /** An append at an offset other than the upload's, or beside another append to the same upload. */
    final class OffsetConflictException extends RuntimeException {
        private final long current;

        public OffsetConflictException(String message, long current) {
            super(message, null, false, false);
            this.current = current;
        }

        /** Where the upload stood when the append was refused. */
        public long current() {
            return current;
        }
    }
}
