package dev.fileshare.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy's blob store with S3's read-after-write consistency for one key: S3 answers a GET during an overwrite of
 * the key with the old version or the new one, never 404. S3Proxy 4.1.0's versioning nio2 store does answer 404
 * now and then when a GET meets a PUT of the same key in a versioned bucket (4 threads each putting 256 KiB and
 * getting it back 100 times: 1 to 3 NoSuchKey in 400 GETs), which made {@code ConcurrencyIT} fail about once in 12
 * runs in aws mode; {@code S3BlobStoreTest.theStandInAnswersAGetDuringOverwritesWithAVersion} failed in 3 runs of 3
 * without this class. So whatever replaces a key's current version holds that key's lock exclusively and every read
 * of it shares it. A body is spooled to a file first, so that the lock is held for the commit and not for as long as
 * the client takes to send the body.
 */
final class KeyConsistentBlobStore extends ForwardingBlobStore {
    private final ReadWriteLock[] stripes = new ReadWriteLock[64];
    private final Path spool;

    KeyConsistentBlobStore(BlobStore delegate, Path spool) {
        super(delegate);
        this.spool = spool;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantReadWriteLock();
        }
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        Path body = spooled(content);
        try (InputStream spooled = Files.newInputStream(body)) {
            return locked(writeLock(request.bucket(), request.key()), () -> super.putBlob(request, spooled));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(body);
        }
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return locked(writeLock(request.destinationBucket(), request.destinationKey()), () -> super.copyBlob(request));
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return locked(writeLock(request.bucket(), request.key()), () -> super.removeBlob(request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
            MultipartUpload upload, CompleteMultipartUploadRequest request) {
        return locked(writeLock(request.bucket(), request.key()), () -> super.completeMultipartUpload(upload, request));
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        return locked(readLock(request.bucket(), request.key()), () -> super.getBlob(request));
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        return locked(readLock(request.bucket(), request.key()), () -> super.blobMetadata(request));
    }

    private Lock writeLock(String bucket, String key) {
        return stripe(bucket, key).writeLock();
    }

    private Lock readLock(String bucket, String key) {
        return stripe(bucket, key).readLock();
    }

    private ReadWriteLock stripe(String bucket, String key) {
        return stripes[Math.floorMod((bucket + "/" + key).hashCode(), stripes.length)];
    }

    private static <T> T locked(Lock lock, Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    private Path spooled(InputStream content) {
        try {
            Files.createDirectories(spool);
            Path body = Files.createTempFile(spool, "put-", ".body");
            Files.copy(content, body, StandardCopyOption.REPLACE_EXISTING);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover in the build's own directory, removed with it
        }
    }
}
