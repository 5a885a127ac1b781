package dev.fileshare.store.aws;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.NotAvailableException;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.CountingInputStream;
import dev.fileshare.core.port.DigestingInputStream;
import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.StoredVersion;
import dev.fileshare.core.port.TrashedFile;
import dev.fileshare.core.port.VersionGoneException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files as S3 objects under the original's key {@code <owner>/<file_name>}. S3 itself makes each write atomic
 * (an object appears whole or not at all) and checks write conditions ({@code If-None-Match: *},
 * {@code If-Match}) at commit time; reads name the version they want with {@code If-Match}. In a versioned bucket
 * the older versions and the trash are the bucket's own ({@link S3VersionedFiles}); in one without versioning there
 * are none, and a delete is final.
 */
final class S3BlobStore implements BlobStore {
    private static final Logger LOG = Logger.getLogger(S3BlobStore.class.getName());
    /**
     * Part size of multipart uploads: the memory one upload holds. S3 allows 10,000 parts, so up to 80 GiB. Content
     * shorter than a part goes in one PUT, read into memory first so that its SHA-256 goes with it.
     */
    static final int PART_SIZE = 8 * 1024 * 1024;
    /** The largest object one CopyObject copies. */
    static final long MAX_COPY_BYTES = 5L * 1024 * 1024 * 1024;
    /** The user metadata key of the content's SHA-256, in hex. */
    static final String SHA256_METADATA = "sha256";
    /** The most keys one ListObjectsV2 call answers. */
    private static final int MAX_KEYS = 1000;

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;
    /** Empty when the bucket is not versioned. */
    private final Supplier<Optional<S3VersionedFiles>> versioning;

    /** A store on an unversioned bucket: no older versions, no trash. */
    S3BlobStore(S3Client s3, String bucket, Clock clock) {
        this(s3, bucket, clock, Optional::empty);
    }

    private S3BlobStore(S3Client s3, String bucket, Clock clock, Supplier<Optional<S3VersionedFiles>> versioned) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
        this.versioning = versioned;
    }

    private Optional<S3VersionedFiles> versioned() {
        return versioning.get();
    }

    /**
     * A store that keeps older versions and the trash as {@code retention} says when the bucket's versioning is
     * enabled, and none when it is not (never enabled, or suspended). The bucket is asked (GetBucketVersioning) at
     * the first call that needs to know, not at open: a store whose bucket is missing or unreachable still opens,
     * and its health says so.
     */
    static S3BlobStore open(S3Client s3, String bucket, Clock clock, Retention retention) {
        S3BlobStore store = new S3BlobStore(s3, bucket, clock, new AskedOnce<>(() -> {
            BucketVersioningStatus status = AwsCalls.call(
                            "read the versioning of the bucket",
                            () -> s3.getBucketVersioning(get -> get.bucket(bucket)))
                    .status();
            return status == BucketVersioningStatus.ENABLED
                    ? Optional.of(new S3VersionedFiles(s3, bucket, retention, clock))
                    : Optional.empty();
        }));
        try {
            store.versioned(); // asked now, so that no request pays for it; asked again later if this fails
        } catch (StoreException unreachable) {
            LOG.warning(() -> "aws store: the bucket's versioning is not known yet: " + unreachable.getMessage());
        }
        return store;
    }

    /** An answer asked for when first needed and kept once it came; a failure is not kept, the next call asks again. */
    private static final class AskedOnce<T> implements Supplier<T> {
        private final Supplier<T> ask;
        private volatile T answer;

        AskedOnce(Supplier<T> ask) {
            this.ask = ask;
        }

        @Override
        public T get() {
            T known = answer;
            if (known == null) {
                known = ask.get();
                answer = known;
            }
            return known;
        }
    }

    @Override
    public WriteResult write(
            FileKey key, DigestingInputStream content, long length, WriteCondition condition, Quota quota)
            throws IOException {
        // Looked up for the "created" flag, and to refuse a write that cannot succeed before its body is sent;
        // S3 checks the condition again, atomically, when the object is committed.
        Optional<HeadObjectResponse> before = head(key);
        condition.check(before.map(h -> quoted(h.eTag())));
        // S3 has no transaction across keys: the usage is listed before the body is sent and the quota applied to
        // the final size just before the committing call. Concurrent writes of one owner may each pass it
        // (docs/aws-store.md); nothing drifts, since the figure is S3's own listing each time.
        SizeCheck admit = quota.isUnlimited()
                ? size -> {}
                : versioned()
                        .map(files -> files.admitting(quota, key))
                        .orElseGet(() -> admitting(
                                quota, usage(key.owner()), before.map(h -> OptionalLong.of(h.contentLength()))));
        admit.check(length);
        CountingInputStream source = CountingInputStream.ofAnnouncedLength(content, length);
        try {
            String etag = length >= 0 && length < PART_SIZE
                    ? putWhole(key, source.readNBytes((int) length), endOf(source, content), condition)
                    : upload(key, source, content, condition, admit);
            return new WriteResult(describeWritten(key, etag, source.count()), before.isEmpty());
        } catch (RuntimeException e) {
            // A failure to read the client's content surfaces wrapped by the SDK (or as its refusal to retry
            // a stream it cannot rewind): report it as the client's, not as a store fault.
            if (source.failure().isPresent()) {
                throw source.failure().get();
            }
            if (e instanceof S3Exception s3Failure) {
                throw conditionFailedOr(s3Failure, condition, key);
            }
            if (e instanceof SdkException sdkFailure) {
                throw AwsCalls.failure("store " + key, sdkFailure);
            }
            throw e;
        }
    }

    /** Called with a write's size before it commits (-1 while unknown): throws to refuse it. */
    @FunctionalInterface
    interface SizeCheck {
        void check(long size);
    }

    private static SizeCheck admitting(Quota quota, Usage before, Optional<OptionalLong> replaced) {
        OptionalLong replacedSize = replaced.orElse(OptionalLong.empty());
        return size -> {
            if (size >= 0) {
                quota.admit(before, replacedSize, size);
            }
        };
    }

    /**
     * Returns the new object's ETag. The content's SHA-256 goes as user metadata ({@code x-amz-meta-sha256}, hex),
     * which every GetObject and HeadObject answers with the object it describes. (Not S3's own
     * {@code x-amz-checksum-sha256}: it is read back only with {@code ChecksumMode.ENABLED}, and S3Proxy, the
     * stand-in of the tests, keeps none sent as a trailer, answers it from other metadata than the body it sends
     * while a write races the read, and loses sight of the object for a moment while it stores one sent as a
     * header.) The digest announced by a client is checked by the content's own stream before this PUT ends.
     */
    private String putWhole(FileKey key, byte[] content, int length, Sha256Digest sha256, WriteCondition condition) {
        PutObjectRequest.Builder put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key.value())
                .contentLength((long) length)
                .metadata(Map.of(SHA256_METADATA, sha256.hex()));
        S3Conditions.apply(condition, put::ifNoneMatch, put::ifMatch);
        return s3.putObject(
                        put.build(), RequestBody.fromInputStream(new ByteArrayInputStream(content, 0, length), length))
                .eTag();
    }

    private String putWhole(FileKey key, byte[] content, Sha256Digest sha256, WriteCondition condition) {
        return putWhole(key, content, content.length, sha256, condition);
    }

    /** The digest of content read to its last byte, the announced-length check at its end made first. */
    private static Sha256Digest endOf(InputStream counted, DigestingInputStream content) throws IOException {
        if (counted.read() != -1) {
            throw new IllegalStateException("an announced-length stream ends at its length or fails");
        }
        return content.digest();
    }

    /**
     * Unknown length or a part or more: one part read first; content that fits in it goes in one PUT after all.
     * Larger content goes in parts, and gets its digest once complete ({@link #stampDigest}).
     */
    private String upload(
            FileKey key,
            CountingInputStream counted,
            DigestingInputStream content,
            WriteCondition condition,
            SizeCheck admit)
            throws IOException {
        byte[] buffer = new byte[PART_SIZE];
        int first = counted.readNBytes(buffer, 0, PART_SIZE);
        if (first < PART_SIZE) {
            admit.check(first);
            return putWhole(key, buffer, first, content.digest(), condition);
        }
        CompleteMultipartUploadResponse completed =
                new MultipartUpload(s3, bucket, key.value()).upload(buffer, first, counted, condition, admit);
        return stampDigest(key, completed, counted.count(), content.digest());
    }

    /**
     * Gives an object written in parts its SHA-256, known only once its last part was read: S3 takes user metadata
     * only with the content, so the object is copied onto itself with it (a server-side copy), on the condition
     * that it is still the current version ({@code If-Match}: a write that replaced it meanwhile stands). In a
     * versioned bucket the copy is a version of its own, and the digest-less one it replaced is deleted, so the
     * file's versions list the write once. Past CopyObject's 5 GiB, or when the copy fails, the object is stored
     * all the same, without a digest; the write does not fail for it. Returns the ETag of the version that stays.
     */
    private String stampDigest(FileKey key, CompleteMultipartUploadResponse completed, long size, Sha256Digest sha256) {
        if (size > MAX_COPY_BYTES) {
            return completed.eTag();
        }
        String etag;
        try {
            etag = s3.copyObject(copy -> copy.sourceBucket(bucket)
                            .sourceKey(key.value())
                            .sourceVersionId(completed.versionId())
                            .destinationBucket(bucket)
                            .destinationKey(key.value())
                            .ifMatch(completed.eTag())
                            .metadataDirective(MetadataDirective.REPLACE)
                            .metadata(Map.of(SHA256_METADATA, sha256.hex())))
                    .copyObjectResult()
                    .eTag();
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "aws store: " + key + " is stored without its digest", e);
            return completed.eTag();
        }
        if (completed.versionId() != null) {
            try {
                s3.deleteObject(delete -> delete.bucket(bucket).key(key.value()).versionId(completed.versionId()));
            } catch (SdkException e) {
                LOG.log(Level.WARNING, "aws store: " + key + " keeps a copy of its version without the digest", e);
            }
        }
        return etag;
    }

    /** The entry of the version just written; its time stamp comes from S3 unless another write already replaced it. */
    private FileVersion describeWritten(FileKey key, String writtenEtag, long size) {
        String etag = quoted(writtenEtag);
        Optional<FileVersion> current = find(key).filter(entry -> entry.etag().equals(etag));
        return current.orElseGet(
                () -> new FileVersion(key, size, clock.instant().truncatedTo(ChronoUnit.SECONDS), etag));
    }

    /**
     * 412: the condition failed at commit. 409: a concurrent conditional write to the key won. 404 on If-Match:
     * the object is gone.
     */
    private static RuntimeException conditionFailedOr(S3Exception e, WriteCondition condition, FileKey key) {
        boolean conditional = !(condition instanceof WriteCondition.Always);
        if (conditional && (e.statusCode() == 412 || e.statusCode() == 409)) {
            return condition.failure();
        }
        if (condition instanceof WriteCondition.OnlyIfMatches && e.statusCode() == 404) {
            return condition.failure();
        }
        return AwsCalls.failure("store " + key, e);
    }

    @Override
    public Optional<FileVersion> find(FileKey key) {
        return head(key)
                .map(h -> new FileVersion(
                        key, h.contentLength(), seconds(h.lastModified()), quoted(h.eTag()), sha256Of(h.metadata())));
    }

    private Optional<HeadObjectResponse> head(FileKey key) {
        try {
            return Optional.of(s3.headObject(head -> head.bucket(bucket).key(key.value())));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsCalls.failure("look up " + key, e);
        }
    }

    @Override
    public Optional<OpenBlob> openCurrent(FileKey key) {
        ResponseInputStream<GetObjectResponse> in;
        try {
            // One GET: the response names the version it streams, so no replace can slip in between.
            in = s3.getObject(get -> get.bucket(bucket).key(key.value()));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsCalls.failure("read " + key, e);
        }
        GetObjectResponse object = in.response();
        FileVersion entry = new FileVersion(
                key,
                object.contentLength(),
                seconds(object.lastModified()),
                quoted(object.eTag()),
                sha256Of(object.metadata()));
        return Optional.of(new OpenBlob(entry, new S3ObjectStream(in, object.contentLength())));
    }

    @Override
    public InputStream read(FileVersion entry, long offset, long length) {
        if (length == 0) {
            // No valid Range asks for zero bytes; still answer for exactly this version.
            if (find(entry.key())
                    .filter(current -> current.etag().equals(entry.etag()))
                    .isEmpty()) {
                return olderVersion(entry, offset, length);
            }
            return InputStream.nullInputStream();
        }
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = s3.getObject(get -> get.bucket(bucket)
                    .key(entry.key().value())
                    .range("bytes=" + offset + "-" + (offset + length - 1))
                    .ifMatch(entry.etag()));
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                return olderVersion(entry, offset, length);
            }
            throw AwsCalls.failure("read " + entry.key(), e);
        } catch (SdkException e) {
            throw AwsCalls.failure("read " + entry.key(), e);
        }
        // Checked again here in case an endpoint ignores If-Match on GET.
        if (!quoted(in.response().eTag()).equals(entry.etag())) {
            in.abort();
            throw gone(entry);
        }
        return new S3ObjectStream(in, length);
    }

    /** Not the current version: an older one or the trash's, when the bucket keeps them. */
    private InputStream olderVersion(FileVersion entry, long offset, long length) {
        return versioned().map(files -> files.readKept(entry, offset, length)).orElseThrow(() -> gone(entry));
    }

    @Override
    public List<FileVersion> list(Username owner, Optional<FileName> after, int max) {
        String prefix = owner.value() + "/";
        // S3 lists keys in UTF-8 byte order, i.e. key order; a page asks for no more keys than it shows (up to
        // S3's 1,000 a call), and the stream stops fetching once it has them. The delimiter leaves out keys with
        // a further "/", which no file name of this service has.
        return AwsCalls.call(
                "list the files of " + owner,
                () -> s3
                        .listObjectsV2Paginator(list -> {
                            list.bucket(bucket).prefix(prefix).delimiter("/").maxKeys(Math.min(max, MAX_KEYS));
                            after.ifPresent(name -> list.startAfter(prefix + name.value()));
                        })
                        .contents()
                        .stream()
                        .flatMap(object -> entry(owner, object.key().substring(prefix.length()), object).stream())
                        .limit(max)
                        .collect(Collectors.toList()));
    }

    /** None for an object this service did not write under a valid name (e.g. a console's "folder" marker). */
    private static Optional<FileVersion> entry(Username owner, String name, S3Object object) {
        FileName fileName;
        try {
            fileName = new FileName(name);
        } catch (InvalidInputException notOurs) {
            return Optional.empty();
        }
        return Optional.of(new FileVersion(
                new FileKey(owner, fileName), object.size(), seconds(object.lastModified()), quoted(object.eTag())));
    }

    @Override
    public Usage usage(Username owner) {
        return versioned().map(files -> files.usage(owner)).orElseGet(() -> BlobStore.super.usage(owner));
    }

    @Override
    public boolean delete(FileKey key) {
        Optional<S3VersionedFiles> versioned = versioned();
        if (versioned.isPresent()) {
            return versioned.get().delete(key);
        }
        if (head(key).isEmpty()) {
            return false;
        }
        AwsCalls.run(
                "delete " + key,
                () -> s3.deleteObject(delete -> delete.bucket(bucket).key(key.value())));
        return true;
    }

    // In a bucket without versioning (never enabled, or suspended) there are no older versions: they answer 404
    // (problem+json) rather than pretend, and a delete is final, so the trash stays empty.
    private static NotAvailableException unversioned() {
        return new NotAvailableException("Older versions are not available: the bucket is not versioned.");
    }

    @Override
    public List<StoredVersion> versions(FileKey key) {
        return versioned().orElseThrow(S3BlobStore::unversioned).versions(key);
    }

    @Override
    public Optional<FileVersion> findVersion(FileKey key, String version) {
        return versioned().orElseThrow(S3BlobStore::unversioned).findVersion(key, version);
    }

    @Override
    public List<TrashedFile> trash(Username owner) {
        return versioned().map(files -> files.trash(owner)).orElse(List.of());
    }

    @Override
    public Optional<FileVersion> restoreFromTrash(FileKey key) {
        return versioned().flatMap(files -> files.restoreFromTrash(key));
    }

    @Override
    public boolean purge(FileKey key) {
        return versioned().map(files -> files.purge(key)).orElse(false);
    }

    static VersionGoneException gone(FileVersion entry) {
        return new VersionGoneException("version " + entry.etag() + " of " + entry.key() + " is gone");
    }

    /**
     * The object's SHA-256 from its user metadata, which comes with every GetObject and HeadObject; none for an
     * object written in parts (the metadata is set before the content is known), through a presigned URL, or before
     * digests were kept.
     */
    static Optional<Sha256Digest> sha256Of(Map<String, String> metadata) {
        String hex = metadata.get(SHA256_METADATA);
        if (hex == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Sha256Digest.fromHex(hex));
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** S3 sends ETags quoted, as HTTP does; some stand-ins leave the quotes off. */
    static String quoted(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }
}
