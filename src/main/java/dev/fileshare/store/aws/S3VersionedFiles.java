package dev.fileshare.store.aws;

import dev.fileshare.core.model.FileExistsException;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.StoredVersion;
import dev.fileshare.core.port.TrashedFile;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Older versions and the trash on a versioned bucket's own versions and delete markers: an overwrite leaves the
 * previous version noncurrent, a delete (DeleteObject without a version) puts a delete marker on top, a restore from
 * the trash deletes that marker, a purge deletes the marker and the versions below it. What the service shows of
 * them is {@link S3VersionHistory}'s rule; the bucket's lifecycle rules expire the same.
 */
final class S3VersionedFiles {
    /** The most keys one ListObjectVersions call answers, and the most objects one DeleteObjects call deletes. */
    private static final int MAX_KEYS = 1000;

    private final S3Client s3;
    private final String bucket;
    private final Retention retention;
    private final Clock clock;

    S3VersionedFiles(S3Client s3, String bucket, Retention retention, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.retention = retention;
        this.clock = clock;
    }

    /** The versions of one key: ListObjectVersions of the key as a prefix, a page per 1,000, until past the key. */
    S3VersionHistory history(FileKey key) {
        String name = key.value();
        List<ObjectVersion> versions = new ArrayList<>();
        List<DeleteMarkerEntry> markers = new ArrayList<>();
        AwsCalls.run("list the versions of " + key, () -> {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(
                    list -> list.bucket(bucket).prefix(name).delimiter("/").maxKeys(MAX_KEYS))) {
                // Keys that only begin with this one ("a.txt2") come after it: once one shows, it is all listed.
                boolean past = false;
                for (ObjectVersion version : page.versions()) {
                    if (version.key().equals(name)) {
                        versions.add(version);
                    } else {
                        past = true;
                    }
                }
                for (DeleteMarkerEntry marker : page.deleteMarkers()) {
                    if (marker.key().equals(name)) {
                        markers.add(marker);
                    } else {
                        past = true;
                    }
                }
                if (past) {
                    return;
                }
            }
        });
        return new S3VersionHistory(S3VersionHistory.merge(versions, markers), retention, clock.instant());
    }

    /** Every key of {@code owner}, in key order: ListObjectVersions of {@code <owner>/}, a page per 1,000. */
    private Map<FileKey, S3VersionHistory> histories(Username owner) {
        String prefix = owner.value() + "/";
        Map<FileKey, List<ObjectVersion>> versions = new TreeMap<>(FileKey.ORDER);
        Map<FileKey, List<DeleteMarkerEntry>> markers = new TreeMap<>(FileKey.ORDER);
        AwsCalls.run("list the versions of the files of " + owner, () -> {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(
                    list -> list.bucket(bucket).prefix(prefix).delimiter("/").maxKeys(MAX_KEYS))) {
                // A key's entries may go on over the next page; in each list they stay newest first.
                page.versions()
                        .forEach(version -> keyOf(owner, prefix, version.key())
                                .ifPresent(key -> versions.computeIfAbsent(key, any -> new ArrayList<>())
                                        .add(version)));
                page.deleteMarkers()
                        .forEach(marker -> keyOf(owner, prefix, marker.key())
                                .ifPresent(key -> markers.computeIfAbsent(key, any -> new ArrayList<>())
                                        .add(marker)));
            }
        });
        Set<FileKey> keys = new TreeSet<>(FileKey.ORDER);
        keys.addAll(versions.keySet());
        keys.addAll(markers.keySet());
        Instant now = clock.instant();
        Map<FileKey, S3VersionHistory> histories = new LinkedHashMap<>();
        for (FileKey key : keys) {
            List<S3VersionHistory.Entry> entries =
                    S3VersionHistory.merge(versions.getOrDefault(key, List.of()), markers.getOrDefault(key, List.of()));
            histories.put(key, new S3VersionHistory(entries, retention, now));
        }
        return histories;
    }

    /** None for an object this service did not write under a valid name (e.g. a console's "folder" marker). */
    private static Optional<FileKey> keyOf(Username owner, String prefix, String objectKey) {
        try {
            return Optional.of(new FileKey(owner, new FileName(objectKey.substring(prefix.length()))));
        } catch (InvalidInputException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * The file's versions with their digests: the listing has no metadata, so each version is asked for its own (a
     * HeadObject each, at most fileshare.versions.keep + 1); one purged meanwhile is left out.
     */
    List<StoredVersion> versions(FileKey key) {
        List<S3VersionHistory.Entry> versions = history(key).versions();
        List<StoredVersion> stored = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            S3VersionHistory.Entry version = versions.get(i);
            boolean current = i == 0;
            withDigest(key, version).ifPresent(entry -> stored.add(new StoredVersion(version.name(), entry, current)));
        }
        return stored;
    }

    /** A version by its name, with its digest: the listing has no metadata, so the version is asked for it. */
    Optional<FileVersion> findVersion(FileKey key, String name) {
        return history(key).versions().stream()
                .filter(version -> version.name().equals(name))
                .findFirst()
                .flatMap(version -> withDigest(key, version));
    }

    /** Empty when the version was purged (or expired by the lifecycle) since it was listed. */
    private Optional<FileVersion> withDigest(FileKey key, S3VersionHistory.Entry version) {
        FileVersion listed = version.describe(key);
        try {
            HeadObjectResponse head =
                    s3.headObject(get -> get.bucket(bucket).key(key.value()).versionId(version.versionId()));
            return Optional.of(new FileVersion(
                    key, listed.size(), listed.modified(), listed.etag(), S3BlobStore.sha256Of(head.metadata())));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw AwsCalls.failure("read " + key, e);
        } catch (SdkException e) {
            throw AwsCalls.failure("read " + key, e);
        }
    }

    /**
     * Opens a version that is not the current one: the file's older version or the trash's of that ETag (equal
     * ETags, equal bytes), by its version id.
     */
    InputStream readKept(FileVersion entry, long offset, long length) {
        S3VersionHistory.Entry version = history(entry.key()).readable().stream()
                .filter(kept -> S3BlobStore.quoted(kept.etag()).equals(entry.etag()))
                .findFirst()
                .orElseThrow(() -> S3BlobStore.gone(entry));
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = s3.getObject(get -> get.bucket(bucket)
                    .key(entry.key().value())
                    .versionId(version.versionId())
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (S3Exception e) {
            // Purged (or expired by the lifecycle) since it was listed.
            if (e.statusCode() == 404) {
                throw S3BlobStore.gone(entry);
            }
            throw AwsCalls.failure("read " + entry.key(), e);
        } catch (SdkException e) {
            throw AwsCalls.failure("read " + entry.key(), e);
        }
        return new S3ObjectStream(in, length);
    }

    /**
     * Puts a delete marker on the file (to the trash, with its older versions below it), then purges what the trash
     * held under that name before.
     */
    boolean delete(FileKey key) {
        S3VersionHistory history = history(key);
        if (history.current().isEmpty()) {
            return false;
        }
        AwsCalls.run(
                "delete " + key,
                () -> s3.deleteObject(delete -> delete.bucket(bucket).key(key.value())));
        deleteVersions(key, history.trashAndEarlier());
        return true;
    }

    List<TrashedFile> trash(Username owner) {
        List<TrashedFile> trash = new ArrayList<>();
        histories(owner)
                .forEach((key, history) -> history.trash()
                        .ifPresent(trashed -> trash.add(new TrashedFile(
                                trashed.versions().get(0).describe(key),
                                trashed.deleted(),
                                retention.purgeAt(trashed.deleted())))));
        return trash;
    }

    /** Deletes the trash's delete marker, which makes the deleted version current again, older ones below it. */
    Optional<FileVersion> restoreFromTrash(FileKey key) {
        S3VersionHistory history = history(key);
        Optional<S3VersionHistory.Trash> trash = history.trash();
        if (trash.isEmpty()) {
            return Optional.empty();
        }
        if (history.current().isPresent()) {
            throw new FileExistsException(key);
        }
        String marker = trash.get().marker().versionId();
        AwsCalls.run(
                "restore " + key,
                () -> s3.deleteObject(
                        delete -> delete.bucket(bucket).key(key.value()).versionId(marker)));
        return Optional.of(trash.get().versions().get(0).describe(key));
    }

    boolean purge(FileKey key) {
        S3VersionHistory history = history(key);
        if (history.trash().isEmpty()) {
            return false;
        }
        deleteVersions(key, history.trashAndEarlier());
        return true;
    }

    /** Current files, and the bytes of those, of their kept older versions and of the trash. */
    Usage usage(Username owner) {
        return usage(histories(owner).values());
    }

    private static Usage usage(Collection<S3VersionHistory> histories) {
        long files = 0;
        long bytes = 0;
        for (S3VersionHistory history : histories) {
            files += history.current().isPresent() ? 1 : 0;
            bytes += history.retainedBytes();
        }
        return new Usage(files, bytes);
    }

    /**
     * The quota check of a write to {@code key}, on the owner's usage as listed now: the replaced version stays as
     * an older version (and the oldest may go by the count), so a replacement adds its whole size.
     */
    S3BlobStore.SizeCheck admitting(Quota quota, FileKey key) {
        Map<FileKey, S3VersionHistory> histories = histories(key.owner());
        Usage before = usage(histories.values());
        S3VersionHistory own = histories.get(key);
        boolean replaces = own != null && own.current().isPresent();
        long othersBytes = before.bytes() - (own == null ? 0 : own.fileBytes());
        long keptAfter = own == null ? 0 : own.fileBytesAfterReplace();
        return size -> {
            if (size >= 0) {
                quota.admit(before, new Usage(before.files() + (replaces ? 0 : 1), othersBytes + keptAfter + size));
            }
        };
    }

    /** Deletes these versions and markers of {@code key} for good: DeleteObjects, 1,000 a call. */
    private void deleteVersions(FileKey key, List<S3VersionHistory.Entry> doomed) {
        for (int from = 0; from < doomed.size(); from += MAX_KEYS) {
            List<S3VersionHistory.Entry> batch = doomed.subList(from, Math.min(doomed.size(), from + MAX_KEYS));
            DeleteObjectsResponse response = AwsCalls.call(
                    "purge " + key,
                    () -> s3.deleteObjects(delete -> delete.bucket(bucket)
                            .delete(objects -> objects.quiet(true)
                                    .objects(batch.stream()
                                            .map(entry -> ObjectIdentifier.builder()
                                                    .key(key.value())
                                                    .versionId(entry.versionId())
                                                    .build())
                                            .toList()))));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw new StoreException(
                        "aws store: cannot purge " + key + ": "
                                + response.errors().get(0).code(),
                        null);
            }
        }
    }
}
