package dev.fileshare.store.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * The bytes of resumable uploads in S3, under {@value #PREFIX}: no file key can start there, since usernames hold no
 * dot. An upload's bytes are the parts of one multipart upload on {@code .uploads/<id>} plus, while they are fewer
 * than a part (S3 wants at least 5 MiB for all but the last), a tail object {@code .uploads/<id>.<random>} that the
 * next chunk reads back and continues. Each append writes a new tail, so a chunk that fails leaves the counted one
 * alone. The last byte completes the multipart upload into the object {@code .uploads/<id>}.
 */
final class S3StagedBytes {
    static final String PREFIX = ".uploads/";
    /** S3's smallest part (but the last) and its most parts per upload. */
    static final int MIN_PART = 5 * 1024 * 1024;

    static final int MAX_PARTS = 10_000;

    private static final Logger LOG = Logger.getLogger(S3StagedBytes.class.getName());

    private final S3Client s3;
    private final String bucket;

    S3StagedBytes(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The part size for an upload of {@code length} bytes: S3's minimum, or more when 10,000 would not hold it. */
    static int partSize(long length) {
        long needed = (length + MAX_PARTS - 1) / MAX_PARTS;
        return (int) Math.max(MIN_PART, Math.min(needed, Integer.MAX_VALUE - 8));
    }

    static String stagingKey(String id) {
        return PREFIX + id;
    }

    /** Starts the multipart upload; returns its id. */
    String begin(String id) {
        return s3.createMultipartUpload(create -> create.bucket(bucket).key(stagingKey(id)))
                .uploadId();
    }

    /** The parts, tail and finished object an upload's bytes stand in after an append. */
    record Layout(
            List<String> partEtags,
            long parted,
            long tailLength,
            Optional<ObjectRef> tail,
            Optional<ObjectRef> staged) {}

    /** An object written by this store: its key and (in a versioned bucket) its version. */
    record ObjectRef(String key, Optional<String> version) {}

    /** Checked before each part: false once the append may no longer write parts (its claim ran out). */
    interface StillClaimed {
        boolean now();
    }

    /**
     * Continues {@code before} (whose bytes end at {@code offset}) with all of {@code content}, part by part; the
     * last byte of {@code length} completes the object. What it writes counts only once its caller records the
     * returned layout.
     *
     * @throws IOException when {@code content} fails, or would go past {@code length}
     * @throws NoSuchUploadException when the multipart upload was aborted meanwhile (the upload was deleted)
     */
    Layout append(
            String id,
            String multipartId,
            int partSize,
            long length,
            long offset,
            Layout before,
            InputStream content,
            StillClaimed claimed)
            throws IOException {
        byte[] buffer = new byte[partSize];
        int filled = 0;
        if (before.tail().isPresent()) {
            filled = readTail(before.tail().get(), buffer);
            if (filled != before.tailLength()) {
                throw new IOException("the held bytes of the upload " + id + " are not all there");
            }
        }
        List<String> etags = new ArrayList<>(before.partEtags());
        long parted = before.parted();
        long received = offset;
        for (int n; (n = content.readNBytes(buffer, filled, buffer.length - filled)) > 0; ) {
            filled += n;
            received += n;
            if (received > length) {
                throw new IOException("the chunk goes past the upload's length");
            }
            if (filled == buffer.length) {
                etags.add(uploadPart(id, multipartId, etags.size() + 1, buffer, filled, claimed));
                parted += filled;
                filled = 0;
            }
        }
        // one byte more than the length would have been read above: content has ended here
        if (received == length) {
            if (filled > 0) {
                etags.add(uploadPart(id, multipartId, etags.size() + 1, buffer, filled, claimed));
                parted += filled;
            }
            return new Layout(etags, parted, 0, Optional.empty(), Optional.of(complete(id, multipartId, etags)));
        }
        Optional<ObjectRef> tail = filled == 0 ? Optional.empty() : Optional.of(putTail(id, buffer, filled, claimed));
        return new Layout(etags, parted, filled, tail, Optional.empty());
    }

    private int readTail(ObjectRef tail, byte[] buffer) throws IOException {
        try (InputStream in = s3.getObject(get ->
                get.bucket(bucket).key(tail.key()).versionId(tail.version().orElse(null)))) {
            return in.readNBytes(buffer, 0, buffer.length);
        }
    }

    private String uploadPart(
            String id, String multipartId, int partNumber, byte[] buffer, int length, StillClaimed claimed)
            throws IOException {
        ensureClaimed(claimed);
        return s3.uploadPart(
                        part -> part.bucket(bucket)
                                .key(stagingKey(id))
                                .uploadId(multipartId)
                                .partNumber(partNumber)
                                .contentLength((long) length),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length))
                .eTag();
    }

    private ObjectRef putTail(String id, byte[] buffer, int length, StillClaimed claimed) throws IOException {
        ensureClaimed(claimed);
        String key = stagingKey(id) + "." + UUID.randomUUID();
        String version = s3.putObject(
                        put -> put.bucket(bucket).key(key).contentLength((long) length),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length))
                .versionId();
        return new ObjectRef(key, Optional.ofNullable(version));
    }

    private ObjectRef complete(String id, String multipartId, List<String> etags) {
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < etags.size(); i++) {
            parts.add(
                    CompletedPart.builder().partNumber(i + 1).eTag(etags.get(i)).build());
        }
        String version = s3.completeMultipartUpload(complete -> complete.bucket(bucket)
                        .key(stagingKey(id))
                        .uploadId(multipartId)
                        .multipartUpload(upload -> upload.parts(parts)))
                .versionId();
        return new ObjectRef(stagingKey(id), Optional.ofNullable(version));
    }

    /** A task that lost its claim must not write a part another append may be writing too. */
    private static void ensureClaimed(StillClaimed claimed) throws IOException {
        if (!claimed.now()) {
            throw new IOException("the append took longer than its claim on the upload");
        }
    }

    /** The finished object's bytes, which the caller closes. */
    InputStream open(ObjectRef staged) {
        return s3.getObject(get ->
                get.bucket(bucket).key(staged.key()).versionId(staged.version().orElse(null)));
    }

    /** Aborts the multipart upload; an upload already aborted or completed is no failure. */
    void abort(String id, String multipartId) {
        try {
            s3.abortMultipartUpload(
                    abort -> abort.bucket(bucket).key(stagingKey(id)).uploadId(multipartId));
        } catch (NoSuchUploadException gone) {
            // aborted by another task, or completed: nothing left to free
        }
    }

    /** Deletes an object this store wrote; failures are logged, the bucket's lifecycle rule removes the rest. */
    void deleteQuietly(ObjectRef object) {
        try {
            // Without the version: deleting one for good would need s3:DeleteObjectVersion on the whole bucket; the
            // old version this leaves expires within a day (the bucket's rule for the staging prefix).
            s3.deleteObject(delete -> delete.bucket(bucket).key(object.key()));
        } catch (NoSuchKeyException gone) {
            // already deleted
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "cannot delete the staged object " + object.key(), e);
        }
    }
}
