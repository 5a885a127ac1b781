package dev.fileshare.store.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the aws store keeps its data: one S3 bucket and six DynamoDB tables in one region. The endpoint
 * overrides point the clients at stand-ins (S3Proxy, dynalite) for tests and trials.
 *
 * @param createResources whether to create a missing bucket and tables at start-up (for stand-ins, not production)
 */
public record AwsSettings(
        String region,
        String bucket,
        Tables tables,
        Optional<URI> s3Endpoint,
        Optional<URI> dynamoDbEndpoint,
        boolean createResources) {

    /** SigV4 query signatures (S3 presigned URLs, this store's transfer URLs) are valid for at most 7 days. */
    public static final Duration MAX_TRANSFER_URL_LIFETIME = Duration.ofDays(7);

    /** The DynamoDB table names; their key schemas are fixed ({@link DynamoTables}, which the CDK stack reads too). */
    public record Tables(
            String users, String sessions, String shares, String loginAttempts, String links, String uploads) {}

    /** Whether any client talks to something other than AWS's own endpoints (a stand-in). */
    public boolean usesEndpointOverride() {
        return s3Endpoint.isPresent() || dynamoDbEndpoint.isPresent();
    }
}
