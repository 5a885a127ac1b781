package dev.fileshare.config;

import java.net.URI;
import java.util.Optional;

/**
 * Where the aws store keeps its data: one S3 bucket and four DynamoDB tables in one region. The endpoint
 * overrides point the clients at stand-ins (S3Proxy, dynalite) for tests and trials.
 *
 * @param createResources whether to create a missing bucket and tables at start-up (for stand-ins, not production)
 */
public record AwsConfig(
        String region,
        String bucket,
        Tables tables,
        Optional<URI> s3Endpoint,
        Optional<URI> dynamoDbEndpoint,
        boolean createResources) {

    public static final String REGION = "fileshare.aws.region";
    public static final String BUCKET = "fileshare.aws.bucket";
    public static final String TABLE_USERS = "fileshare.aws.table.users";
    public static final String TABLE_SESSIONS = "fileshare.aws.table.sessions";
    public static final String TABLE_SHARES = "fileshare.aws.table.shares";
    public static final String TABLE_THROTTLE = "fileshare.aws.table.throttle";
    public static final String S3_ENDPOINT = "fileshare.aws.s3.endpoint";
    public static final String DYNAMODB_ENDPOINT = "fileshare.aws.dynamodb.endpoint";
    public static final String CREATE_RESOURCES = "fileshare.aws.create-resources";

    /** The DynamoDB table names; their key schemas are fixed (see docs/aws-store.md and the CDK stack). */
    public record Tables(String users, String sessions, String shares, String throttle) {
    }

    private static final String REGION_RULE = "[a-z]{2}(-[a-z]+)+-\\d+";
    // S3's rules for new buckets, without the dotted forms that break virtual-hosted TLS.
    private static final String BUCKET_RULE = "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]";
    private static final String TABLE_RULE = "[A-Za-z0-9_.-]{3,255}";

    public static AwsConfig read(ConfigReader config) {
        return new AwsConfig(
                config.matching(REGION, "us-east-1", REGION_RULE, "an AWS region such as us-east-1"),
                config.matching(BUCKET, "fileshare-files", BUCKET_RULE,
                        "an S3 bucket name: 3-63 of a-z 0-9 -, starting and ending with a letter or digit"),
                new Tables(
                        table(config, TABLE_USERS, "fileshare-users"),
                        table(config, TABLE_SESSIONS, "fileshare-sessions"),
                        table(config, TABLE_SHARES, "fileshare-shares"),
                        table(config, TABLE_THROTTLE, "fileshare-throttle")),
                config.httpUri(S3_ENDPOINT),
                config.httpUri(DYNAMODB_ENDPOINT),
                config.bool(CREATE_RESOURCES, false));
    }

    private static String table(ConfigReader config, String key, String defaultValue) {
        return config.matching(key, defaultValue, TABLE_RULE, "a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -");
    }

    /** Whether any client talks to something other than AWS's own endpoints (a stand-in). */
    public boolean usesEndpointOverride() {
        return s3Endpoint.isPresent() || dynamoDbEndpoint.isPresent();
    }
}
