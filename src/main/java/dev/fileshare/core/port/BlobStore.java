package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * File content and its metadata. Writes are atomic: a reader sees the old version or the new one, never a mix.
 * A replaced version is kept as an older version, and a deleted file goes to its owner's trash with its older
 * versions, both for as long as the store's {@link Retention} says.
 */
public interface BlobStore {
    /** Files added up per {@link #list} call by the default {@link #usage}: S3's most keys a call. */
    int USAGE_PAGE = 1000;

    /**
     * Streams {@code content} into {@code key}, replacing any current version once all of it is durable.
     *
     * @param length the exact number of bytes {@code content} holds, or -1 when unknown
     * @throws dev.fileshare.core.model.PreconditionFailedException when {@code condition} does not hold at commit time
     */
    default WriteResult write(FileKey key, InputStream content, long length, WriteCondition condition)
            throws IOException {
        return write(key, content, length, condition, Quota.UNLIMITED);
    }

    /** As {@link #write(FileKey, DigestingInputStream, long, WriteCondition, Quota)}, with no digest announced. */
    default WriteResult write(FileKey key, InputStream content, long length, WriteCondition condition, Quota quota)
            throws IOException {
        return write(key, DigestingInputStream.of(content, length, Optional.empty()), length, condition, quota);
    }

    /**
     * Streams {@code content} into {@code key} as {@link #write(FileKey, InputStream, long, WriteCondition)} does,
     * admitted by {@code quota} ({@link Quota#admit}) against the owner's {@link #usage} as close to the commit as
     * the store allows (each store says how close); a refused write stores nothing and leaves the current version.
     * The content's SHA-256 is kept with the version where the store can ({@link FileVersion#sha256}); a content
     * that fails its announced digest fails to read, and the write stores nothing.
     *
     * @throws dev.fileshare.core.model.QuotaExceededException when the write would pass the quota
     */
    WriteResult write(FileKey key, DigestingInputStream content, long length, WriteCondition condition, Quota quota)
            throws IOException;

    /**
     * What {@code owner} stores, as quotas count it ({@link Usage}): their files, and the bytes of those, of their
     * older versions and of their trash. By default added up a page of files at a time, for a store that keeps no
     * older versions or trash.
     */
    default Usage usage(Username owner) {
        long files = 0;
        long bytes = 0;
        Optional<FileName> after = Optional.empty();
        while (true) {
            List<FileVersion> page = list(owner, after, USAGE_PAGE);
            for (FileVersion entry : page) {
                files++;
                bytes += entry.size();
            }
            if (page.size() < USAGE_PAGE) {
                return new Usage(files, bytes);
            }
            after = Optional.of(page.get(page.size() - 1).key().fileName());
        }
    }

    Optional<FileVersion> find(FileKey key);

    /**
     * Opens {@code length} bytes from {@code offset} of exactly the version {@code entry} describes.
     *
     * @throws VersionGoneException when the store no longer keeps that version (pruned, purged or never ours)
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

    /**
     * Moves the file, with its older versions, to its owner's trash, in place of any file of that name already
     * there (which is purged). Returns whether there was a file to delete.
     */
    boolean delete(FileKey key) throws IOException;

    /** The versions of a file, newest first, the current one first of all; empty when there is no such file. */
    List<StoredVersion> versions(FileKey key);

    /** The current or a kept older version of a file, by the name {@link #versions} gives it. */
    Optional<FileVersion> findVersion(FileKey key, String version);

    /** The files in {@code owner}'s trash, in key order. */
    List<TrashedFile> trash(Username owner);

    /**
     * Brings a file back from the trash, with its older versions, as the version it was when deleted.
     *
     * @return the restored file, or empty when the trash holds no file of that name
     * @throws dev.fileshare.core.model.FileExistsException when a file of that name exists
     */
    Optional<FileVersion> restoreFromTrash(FileKey key) throws IOException;

    /** Drops a file and its older versions from the trash for good. Returns whether the trash held it. */
    boolean purge(FileKey key) throws IOException;

    record WriteResult(FileVersion entry, boolean created) {}

    /** A version and a stream of all its bytes, which the caller closes. */
    record OpenBlob(FileVersion entry, InputStream stream) {}
}
