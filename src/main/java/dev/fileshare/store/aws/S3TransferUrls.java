package dev.fileshare.store.aws;

import dev.fileshare.core.model.ContentDisposition;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.core.port.VersionGoneException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The aws mode's transfer URLs: S3 presigned URLs (SigV4 query signatures) for one object, so large files go
 * between the client and S3 directly, past API Gateway's 10 MB limit and past this service. What they are bound
 * to is what S3 itself checks:
 *
 * <ul>
 *   <li>an upload is a PUT that signs {@code Content-Length} (the size asked for, exactly), {@code Content-Type:
 *       application/octet-stream} and the condition ({@code If-None-Match: *} or {@code If-Match}), which the
 *       client must send as the URL's {@code headers} say; one PUT carries at most S3's 5 GiB;
 *   <li>a download is a GET of the object version ({@code versionId}) current when it was issued, answered as an
 *       attachment of bytes ({@code response-content-disposition}, {@code response-content-type}). S3 cannot
 *       check this service's grants: until it expires the URL serves that version even after a revoke, a
 *       replace or a delete (docs/aws-store.md, known limits).
 * </ul>
 */
final class S3TransferUrls implements TransferUrls {
    /** S3's limit for one PutObject. */
    static final long MAX_SINGLE_PUT_BYTES = 5L * 1024 * 1024 * 1024;

    private static final String BYTES = "application/octet-stream";
    /** Signed, but sent by every HTTP client itself (and not settable by some): not listed for the client. */
    private static final List<String> IMPLIED_HEADERS = List.of("host", "content-length");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration lifetime;

    S3TransferUrls(S3Client s3, S3Presigner presigner, String bucket, Duration lifetime) {
        if (lifetime.isNegative()
                || lifetime.isZero()
                || lifetime.compareTo(AwsSettings.MAX_TRANSFER_URL_LIFETIME) > 0) {
            throw new IllegalArgumentException("an S3 presigned URL lives from 1 second to 7 days, not " + lifetime);
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.lifetime = lifetime;
    }

    @Override
    public TransferUrl upload(UploadTerms terms) {
        PutObjectRequest.Builder put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(terms.key().value())
                .contentLength(terms.size())
                // Stored as bytes: served back from the bucket's origin, a signed text/html could not render.
                .contentType(BYTES);
        S3Conditions.apply(terms.condition(), put::ifNoneMatch, put::ifMatch);
        PutObjectRequest request = put.build();
        return transferUrl(
                "PUT",
                AwsCalls.call(
                        "presign an upload of " + terms.key(),
                        () -> presigner.presignPutObject(
                                presign -> presign.signatureDuration(lifetime).putObjectRequest(request))));
    }

    @Override
    public TransferUrl download(FileVersion version, Username reader) {
        FileKey key = version.key();
        Optional<String> versionId = versionIdOf(version);
        return transferUrl(
                "GET",
                AwsCalls.call(
                        "presign a download of " + key,
                        () -> presigner.presignGetObject(presign -> presign.signatureDuration(lifetime)
                                .getObjectRequest(get -> get.bucket(bucket)
                                        .key(key.value())
                                        .versionId(versionId.orElse(null))
                                        .responseContentDisposition(ContentDisposition.attachment(
                                                key.fileName().value()))
                                        .responseContentType(BYTES)))));
    }

    /**
     * The S3 version id of exactly {@code version} (HeadObject with {@code If-Match}); none in a bucket that never
     * had versioning, where a URL can only name the key.
     */
    private Optional<String> versionIdOf(FileVersion version) {
        String id;
        try {
            id = s3.headObject(head ->
                            head.bucket(bucket).key(version.key().value()).ifMatch(version.etag()))
                    .versionId();
        } catch (NoSuchKeyException deleted) {
            throw gone(version);
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                throw gone(version);
            }
            throw AwsCalls.failure("look up the version of " + version.key(), e);
        } catch (SdkException e) {
            throw AwsCalls.failure("look up the version of " + version.key(), e);
        }
        return id == null || id.equals("null") ? Optional.empty() : Optional.of(id);
    }

    private static VersionGoneException gone(FileVersion version) {
        return new VersionGoneException("version " + version.etag() + " of " + version.key() + " is gone");
    }

    @Override
    public long maxUploadBytes() {
        return MAX_SINGLE_PUT_BYTES;
    }

    private static TransferUrl transferUrl(String method, PresignedRequest presigned) {
        // Whole seconds, rounded down: the URL is never announced as living longer than it does.
        Instant expires = presigned.expiration().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> headers = presigned.signedHeaders().entrySet().stream()
                .filter(header -> !IMPLIED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toMap(
                        header -> header.getKey().toLowerCase(Locale.ROOT),
                        header -> String.join(",", header.getValue())));
        return new TransferUrl(uri(presigned.url()), method, expires, headers);
    }

    private static URI uri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned an invalid URL", e);
        }
    }
}
