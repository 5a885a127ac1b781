package dev.fileshare.store.aws;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The aws mode's transfer URLs: S3 presigned URLs (SigV4 query signatures) for one object, a PUT for an upload
 * and a GET for a download, so large files go between the client and S3 directly, past API Gateway's 10 MB
 * limit and past this service. An upload is one PUT, so it carries at most S3's 5 GiB per PutObject; larger
 * files would need a multipart upload with a completion call, which is not offered (docs/aws-store.md).
 */
final class S3TransferUrls implements TransferUrls {
    /** S3's limit for one PutObject. */
    static final long MAX_SINGLE_PUT_BYTES = 5L * 1024 * 1024 * 1024;

    private final S3Presigner presigner;
    private final String bucket;
    private final Duration lifetime;

    S3TransferUrls(S3Presigner presigner, String bucket, Duration lifetime) {
        if (lifetime.isNegative()
                || lifetime.isZero()
                || lifetime.compareTo(AwsSettings.MAX_TRANSFER_URL_LIFETIME) > 0) {
            throw new IllegalArgumentException("an S3 presigned URL lives from 1 second to 7 days, not " + lifetime);
        }
        this.presigner = presigner;
        this.bucket = bucket;
        this.lifetime = lifetime;
    }

    @Override
    public TransferUrl upload(FileKey key) {
        // Neither Content-Type nor a length is signed: the client sends the raw bytes with whatever headers
        // its HTTP library adds, and S3 stores them as they come.
        return transferUrl(
                "PUT",
                AwsCalls.call(
                        "presign an upload of " + key,
                        () -> presigner.presignPutObject(presign -> presign.signatureDuration(lifetime)
                                .putObjectRequest(put -> put.bucket(bucket).key(key.value())))));
    }

    @Override
    public TransferUrl download(FileVersion entry) {
        return transferUrl(
                "GET",
                AwsCalls.call(
                        "presign a download of " + entry.key(),
                        () -> presigner.presignGetObject(presign -> presign.signatureDuration(lifetime)
                                .getObjectRequest(get ->
                                        get.bucket(bucket).key(entry.key().value())))));
    }

    @Override
    public long maxUploadBytes() {
        return MAX_SINGLE_PUT_BYTES;
    }

    private static TransferUrl transferUrl(String method, PresignedRequest presigned) {
        // Whole seconds, rounded down: the URL is never announced as living longer than it does.
        Instant expires = presigned.expiration().truncatedTo(ChronoUnit.SECONDS);
        return new TransferUrl(uri(presigned.url()), method, expires);
    }

    private static URI uri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned an invalid URL", e);
        }
    }
}
