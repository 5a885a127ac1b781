package dev.fileshare.store.aws;

import dev.fileshare.core.model.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams content of unknown or large size to S3 in parts read into one reused buffer, so memory stays at one
 * part whatever the size. The object appears only when the upload completes; any failure aborts the upload so
 * that no parts are left behind.
 */
final class MultipartUpload {
    private static final Logger LOG = Logger.getLogger(MultipartUpload.class.getName());

    private final S3Client s3;
    private final String bucket;
    private final String key;

    MultipartUpload(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    /**
     * Uploads {@code buffer[0..firstPartLength)} and then the rest of {@code content}, part by part, and commits
     * them as one object once {@code admit} accepts their total size.
     *
     * @return S3's answer: the new object's ETag, and its version id in a versioned bucket
     */
    CompleteMultipartUploadResponse upload(
            byte[] buffer,
            int firstPartLength,
            InputStream content,
            WriteCondition condition,
            S3BlobStore.SizeCheck admit)
            throws IOException {
        String uploadId = s3.createMultipartUpload(
                        create -> create.bucket(bucket).key(key))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            for (int n = firstPartLength; n > 0; n = content.readNBytes(buffer, 0, buffer.length)) {
                int partNumber = parts.size() + 1;
                long partLength = n;
                // The call returns only when the part is stored, so the buffer is free again afterwards.
                String etag = s3.uploadPart(
                                part -> part.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber)
                                        .contentLength(partLength),
                                RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, n), n))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
                size += n;
            }
            // Refused here, the upload is aborted below: its parts never become an object.
            admit.check(size);
            CompleteMultipartUploadRequest.Builder complete = CompleteMultipartUploadRequest.builder()
                    .bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts));
            S3Conditions.apply(condition, complete::ifNoneMatch, complete::ifMatch);
            return s3.completeMultipartUpload(complete.build());
        } catch (IOException | RuntimeException | Error e) {
            abortQuietly(uploadId);
            throw e;
        }
    }

    private void abortQuietly(String uploadId) {
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // The bucket's lifecycle rule for incomplete uploads removes what is left (see docs/aws-store.md).
            LOG.log(Level.WARNING, "cannot abort the multipart upload of " + key, e);
        }
    }
}
