package dev.fileshare.core;

import dev.fileshare.core.model.ChecksumMismatchException;
import dev.fileshare.core.model.ChunkChecksum;
import dev.fileshare.core.model.ContentTooLargeException;
import dev.fileshare.core.model.DigestMismatchException;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.UploadConflictException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.CountingInputStream;
import dev.fileshare.core.port.StagedUpload;
import dev.fileshare.core.port.UploadStore;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Resumable uploads (the tus protocol's rules, without its HTTP): an upload is created with its length, receives
 * chunks at the offset it stands at, and when its last byte arrives becomes a new version of its file through
 * {@link FileService#upload}, under the same rules as any other write. Abandoned uploads expire.
 */
public final class UploadService {
    /** Expired uploads removed per sweep: a sweep costs a bounded number of store calls. */
    private static final int SWEEP_BATCH = 100;

    private static final int ID_BYTES = 18;

    /**
     * @param maxOpen     how many uploads one user may have open at once
     * @param expireAfter how long an upload lives after its creation or its last chunk
     * @param maxSize     the largest upload
     * @param maxChunk    the most bytes one request may append
     */
    public record Limits(int maxOpen, Duration expireAfter, long maxSize, long maxChunk) {
        public Limits {
            if (maxOpen < 1 || expireAfter.isNegative() || expireAfter.isZero() || maxSize < 0 || maxChunk < 1) {
                throw new IllegalArgumentException("upload limits must be positive");
            }
        }
    }

    /** What an append did: the upload as it now stands, and the version it became when that was its last byte. */
    public record Appended(StagedUpload upload, Optional<BlobStore.WriteResult> stored) {}

    private final UploadStore uploads;
    private final FileService files;
    private final Limits limits;
    private final SecureRandom random;
    private final Clock clock;

    public UploadService(UploadStore uploads, FileService files, Limits limits, SecureRandom random, Clock clock) {
        this.uploads = uploads;
        this.files = files;
        this.limits = limits;
        this.random = random;
        this.clock = clock;
    }

    public Limits limits() {
        return limits;
    }

    /** As {@link #create(Username, FileName, long, WriteCondition, Optional)}, with no digest announced. */
    public Appended create(Username caller, FileName name, long length, WriteCondition condition) throws IOException {
        return create(caller, name, length, condition, Optional.empty());
    }

    /**
     * Starts an upload of {@code length} bytes into the caller's file {@code name}, to be written under
     * {@code condition}; a condition that already fails is refused now (412), not after the last byte. An empty
     * upload has all its bytes at once: it is stored as it is created. When the whole file's SHA-256 is announced
     * ({@code sha256}), the file is checked against it as it is stored: with another, nothing is stored and the
     * upload ends (460, as a chunk's checksum).
     */
    public Appended create(
            Username caller, FileName name, long length, WriteCondition condition, Optional<Sha256Digest> sha256)
            throws IOException {
        if (length > limits.maxSize()) {
            throw new ContentTooLargeException(
                    "The upload is " + length + " bytes, over the limit of " + limits.maxSize() + " bytes.");
        }
        sweepExpired();
        int open = uploads.count(caller);
        if (open >= limits.maxOpen()) {
            throw new UploadConflictException("You have " + open + " open uploads, the most allowed: finish one or"
                    + " terminate it (DELETE) before you start another.");
        }
        condition.check(currentEtag(caller, name));
        StagedUpload upload =
                new StagedUpload(newId(), new FileKey(caller, name), length, 0, condition, expiryFromNow(), sha256);
        uploads.create(upload);
        return new Appended(upload, upload.complete() ? Optional.of(commit(upload)) : Optional.empty());
    }

    /** The caller's upload {@code id}, unexpired; 404 otherwise, whichever the reason. */
    public StagedUpload describe(Username caller, String id) throws IOException {
        StagedUpload upload = uploads.find(id)
                .filter(found -> found.key().owner().equals(caller))
                .orElseThrow(() -> notFound(id));
        if (upload.expiredAt(clock.instant())) {
            uploads.delete(id);
            throw notFound(id);
        }
        return upload;
    }

    /**
     * Where the caller's upload {@code id} stands, for a client about to resume it. An upload whose last byte
     * arrived but whose commit failed (the store was unreachable) is committed now: a client that learns the offset
     * equals the length takes the upload for done (tus-js-client does), so the file must then exist.
     */
    public Appended resume(Username caller, String id) throws IOException {
        StagedUpload upload = describe(caller, id);
        return new Appended(upload, upload.complete() ? Optional.of(commit(upload)) : Optional.empty());
    }

    /**
     * Appends one chunk at {@code offset}: all of it or none (a cut connection or a wrong checksum keeps nothing
     * of it). The chunk that completes the upload commits it as the file's new version; an upload whose last chunk
     * arrived but whose commit failed is committed by an empty chunk at its end.
     *
     * @param chunkLength the chunk's announced length, -1 when not announced
     */
    public Appended append(
            Username caller,
            String id,
            long offset,
            InputStream chunk,
            long chunkLength,
            Optional<ChunkChecksum> checksum)
            throws IOException {
        StagedUpload upload = describe(caller, id);
        if (offset != upload.offset()) {
            throw offsetConflict(offset, upload.offset());
        }
        long room = upload.length() - offset;
        long bound = Math.min(room, limits.maxChunk());
        if (chunkLength > bound) {
            throw chunkTooLarge(bound, room);
        }
        CountingInputStream counted = chunkLength >= 0
                ? CountingInputStream.ofAnnouncedLength(chunk, chunkLength)
                : CountingInputStream.limitedTo(chunk, bound);
        Optional<ChunkChecksum.Verifying> verifying = checksum.map(expected -> expected.verifying(counted));
        StagedUpload appended;
        try {
            appended = uploads.append(
                    id, offset, verifying.<InputStream>map(v -> v).orElse(counted), expiryFromNow());
        } catch (UploadStore.OffsetConflictException e) {
            throw offsetConflict(offset, e.current());
        } catch (NoSuchElementException e) {
            throw notFound(id);
        } catch (IOException e) {
            if (verifying.isPresent() && verifying.get().mismatched()) {
                throw new ChecksumMismatchException(
                        "The chunk's " + checksum.get().algorithm()
                                + " digest is not the one in Upload-Checksum; none of it was kept.");
            }
            if (counted.overLimit()) {
                throw chunkTooLarge(bound, room);
            }
            if (counted.sourceFailed() || (chunkLength >= 0 && counted.count() != chunkLength)) {
                throw InvalidInputException.of(
                        "body", "ended after " + counted.count() + " bytes; none of this chunk was kept");
            }
            throw e;
        }
        if (!appended.complete()) {
            return new Appended(appended, Optional.empty());
        }
        return new Appended(appended, Optional.of(commit(appended)));
    }

    /** Ends the caller's upload {@code id} and frees its bytes (tus termination). */
    public void terminate(Username caller, String id) throws IOException {
        describe(caller, id);
        uploads.delete(id);
    }

    /** Removes uploads past their expiry, with their bytes; returns how many. */
    public int sweepExpired() throws IOException {
        int removed = 0;
        for (String id : uploads.expired(clock.instant(), SWEEP_BATCH)) {
            if (uploads.delete(id)) {
                removed++;
            }
        }
        return removed;
    }

    /** The file's current entity tag, if the caller has that file. */
    private Optional<String> currentEtag(Username caller, FileName name) {
        try {
            return Optional.of(files.describe(caller, caller, name).etag());
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /**
     * The same write as {@code PUT /file}; the upload is over once it is stored, or its condition or its announced
     * digest refused it (its bytes cannot change any more).
     */
    private BlobStore.WriteResult commit(StagedUpload upload) throws IOException {
        BlobStore.WriteResult result;
        try (InputStream bytes = uploads.open(upload)) {
            result = files.upload(
                    upload.key().owner(),
                    upload.key().fileName(),
                    bytes,
                    upload.length(),
                    upload.condition(),
                    upload.sha256());
        } catch (PreconditionFailedException refused) {
            uploads.delete(upload.id());
            throw refused;
        } catch (DigestMismatchException mismatch) {
            uploads.delete(upload.id());
            throw new ChecksumMismatchException(mismatch.getMessage()
                    + " The upload is ended: create it anew (Repr-Digest of its creation is the whole file's).");
        }
        uploads.delete(upload.id());
        return result;
    }

    /** An upload expires when no chunk arrived for {@code expireAfter}. */
    private Instant expiryFromNow() {
        return clock.instant().plus(limits.expireAfter());
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static UploadConflictException offsetConflict(long sent, long current) {
        return new UploadConflictException("Upload-Offset is " + sent + " but the upload stands at " + current
                + " (or another PATCH of it is" + " under way): ask HEAD for the offset and resume from there.");
    }

    private static ContentTooLargeException chunkTooLarge(long bound, long room) {
        return new ContentTooLargeException("A chunk here may hold at most " + bound + " bytes (" + room
                + " remain of the upload); none of this one was kept.");
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No upload '" + id + "' of yours: it was finished, terminated or expired.");
    }
}
