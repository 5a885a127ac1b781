package dev.fileshare.store.aws;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.port.Retention;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * One key's versions and delete markers in a versioned bucket, newest first, read as the service's file, older
 * versions and trash under a {@link Retention} at one instant. No call: the rule in one place, for every request.
 *
 * <p>The delete markers cut the history into generations. Above the newest marker is the file (its current version
 * and older ones); between the newest marker and the one before is the trash (the file as it was deleted, with its
 * older versions; the marker's time is when it was deleted); anything below belongs to an earlier delete and is no
 * longer the service's (a delete purges it). In each generation an older version stays while {@link
 * Retention#keepsVersion} says so, replaced when the version after it was written: what the bucket's lifecycle rules
 * expire (noncurrent days, newer noncurrent versions) is never shown, so the service and the lifecycle agree.
 */
final class S3VersionHistory {
    /** A version (with its size and ETag) or a delete marker (size 0, no ETag) of the key. */
    record Entry(String versionId, boolean deleteMarker, Instant lastModified, long size, String etag) {
        /** The version's name for clients: the version id, Base64url, so that it is safe in a URL as it stands. */
        String name() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(versionId.getBytes(StandardCharsets.UTF_8));
        }

        FileVersion describe(FileKey key) {
            return new FileVersion(key, size, lastModified.truncatedTo(ChronoUnit.SECONDS), S3BlobStore.quoted(etag));
        }
    }

    /** The file in the trash: its delete marker and its kept versions, the deleted (last current) one first. */
    record Trash(Entry marker, List<Entry> versions) {
        Instant deleted() {
            return marker.lastModified().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    private final List<Entry> entries;
    private final Retention retention;
    private final Instant now;

    /** {@code entries}: the key's versions and delete markers, newest first. */
    S3VersionHistory(List<Entry> entries, Retention retention, Instant now) {
        this.entries = List.copyOf(entries);
        this.retention = retention;
        this.now = now;
    }

    /**
     * Merges the two lists of one key that ListObjectVersions answers (each newest first, as S3 lists them; the SDK
     * parts the one list into versions and markers) into one, by time. Listings give times to the second, so a
     * marker and a version can tie: the latest of the key goes first, else the marker, as a delete hides what was
     * there before it (a file written again within the second of its delete, and written once more, is the one
     * order this cannot tell).
     */
    static List<Entry> merge(List<ObjectVersion> versions, List<DeleteMarkerEntry> markers) {
        List<Entry> merged = new ArrayList<>(versions.size() + markers.size());
        int v = 0;
        int m = 0;
        while (v < versions.size() || m < markers.size()) {
            boolean takeMarker =
                    v == versions.size() || (m < markers.size() && markerFirst(markers.get(m), versions.get(v)));
            if (takeMarker) {
                DeleteMarkerEntry marker = markers.get(m++);
                merged.add(new Entry(marker.versionId(), true, marker.lastModified(), 0, ""));
            } else {
                ObjectVersion version = versions.get(v++);
                merged.add(
                        new Entry(version.versionId(), false, version.lastModified(), version.size(), version.eTag()));
            }
        }
        return merged;
    }

    private static boolean markerFirst(DeleteMarkerEntry marker, ObjectVersion version) {
        if (!marker.lastModified().equals(version.lastModified())) {
            return marker.lastModified().isAfter(version.lastModified());
        }
        return !Boolean.TRUE.equals(version.isLatest());
    }

    /** The current version: the newest entry, unless it is a delete marker. */
    Optional<Entry> current() {
        return entries.isEmpty() || entries.get(0).deleteMarker() ? Optional.empty() : Optional.of(entries.get(0));
    }

    /** The file's versions the service shows, the current one first; empty when there is no file. */
    List<Entry> versions() {
        return kept(generation(0));
    }

    /** The file in the trash under this key, if its delete is younger than the trash's max age. */
    Optional<Trash> trash() {
        int marker = newestMarker();
        if (marker < 0 || !retention.purgeAt(entries.get(marker).lastModified()).isAfter(now)) {
            return Optional.empty();
        }
        List<Entry> versions = kept(generation(marker + 1));
        return versions.isEmpty() ? Optional.empty() : Optional.of(new Trash(entries.get(marker), versions));
    }

    /** Every version the service may still read: the file's and the trash's. */
    List<Entry> readable() {
        List<Entry> readable = new ArrayList<>(versions());
        trash().ifPresent(trash -> readable.addAll(trash.versions()));
        return readable;
    }

    /** What a purge of the trash deletes: the newest delete marker and everything below it. */
    List<Entry> trashAndEarlier() {
        int marker = newestMarker();
        return marker < 0 ? List.of() : entries.subList(marker, entries.size());
    }

    /** The bytes the owner's usage counts for this key: the file's versions and the trash's. */
    long retainedBytes() {
        return readable().stream().mapToLong(Entry::size).sum();
    }

    /**
     * The bytes the file's versions will hold once a write replaces the current version, not counting the new
     * content: the replaced version is kept as the newest older one, and the oldest may go by the count.
     */
    long fileBytesAfterReplace() {
        List<Entry> generation = generation(0);
        long bytes = 0;
        for (int i = 0; i < generation.size(); i++) {
            Instant replaced = i == 0 ? now : generation.get(i - 1).lastModified();
            if (retention.keepsVersion(i, replaced, now)) {
                bytes += generation.get(i).size();
            }
        }
        return bytes;
    }

    /** The versions of the file's bytes now. */
    long fileBytes() {
        return versions().stream().mapToLong(Entry::size).sum();
    }

    /** The versions from {@code from} up to the next delete marker. */
    private List<Entry> generation(int from) {
        int end = from;
        while (end < entries.size() && !entries.get(end).deleteMarker()) {
            end++;
        }
        return entries.subList(from, end);
    }

    /** The first of a generation always stays; an older one while the retention keeps it. */
    private List<Entry> kept(List<Entry> generation) {
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < generation.size(); i++) {
            if (i == 0 || retention.keepsVersion(i - 1, generation.get(i - 1).lastModified(), now)) {
                kept.add(generation.get(i));
            }
        }
        return kept;
    }

    private int newestMarker() {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).deleteMarker()) {
                return i;
            }
        }
        return -1;
    }
}
