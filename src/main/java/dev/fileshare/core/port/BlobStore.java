package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** File content and its metadata. Writes are atomic: a reader sees the old version or the new one, never a mix. */
public interface BlobStore {
    /**
     * Streams {@code content} into {@code key}, replacing any current version once all of it is durable.
     *
     * @param length the exact number of bytes {@code content} holds, or -1 when unknown
     * @throws dev.fileshare.core.model.PreconditionFailedException when {@code condition} does not hold at commit time
     */
    WriteResult write(FileKey key, InputStream content, long length, WriteCondition condition) throws IOException;

    Optional<FileVersion> find(FileKey key);

    /**
     * Opens {@code length} bytes from {@code offset} of exactly the version {@code entry} describes.
     *
     * @throws VersionGoneException when that version has since been replaced or deleted
     */
    InputStream read(FileVersion entry, long offset, long length) throws IOException;

    /**
     * Opens the whole of the current version, finding and opening it as one step: unlike {@link #find} then
     * {@link #read}, a concurrent replace cannot make it fail, only decide which version it gets.
     */
    Optional<OpenBlob> openCurrent(FileKey key) throws IOException;

    /**
     * The files {@code owner} owns whose names come after {@code after} (all when empty), in key order (code
     * points, as S3 and SQLite order them), at most {@code max}: one page costs a bounded number of calls.
     */
    List<FileVersion> list(Username owner, Optional<FileName> after, int max);

    /** All files {@code owner} owns, in key order. */
    default List<FileVersion> list(Username owner) {
        return list(owner, Optional.empty(), Integer.MAX_VALUE);
    }

    /** Returns whether there was a file to delete. */
    boolean delete(FileKey key) throws IOException;

    record WriteResult(FileVersion entry, boolean created) {}

    /** A version and a stream of all its bytes, which the caller closes. */
    record OpenBlob(FileVersion entry, InputStream stream) {}
}
