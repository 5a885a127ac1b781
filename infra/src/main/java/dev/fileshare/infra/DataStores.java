package dev.fileshare.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The AWS store of fileshare: one S3 bucket for the files (key {@code <owner>/<file_name>}) and four
 * DynamoDB tables. Their names are left to CloudFormation and handed to the service by environment.
 */
public final class DataStores extends Construct {

    /** The GSI of the shares table that lists a file's grantees. */
    public static final String SHARES_BY_FILE_INDEX = "by-file";

    /**
     * What the service does to objects; HeadObject is authorised by s3:GetObject. Its presigned download
     * URLs name an object version ({@code versionId}), which needs s3:GetObjectVersion.
     */
    static final List<String> OBJECT_ACTIONS = List.of(
            "s3:GetObject",
            "s3:GetObjectVersion",
            "s3:PutObject",
            "s3:DeleteObject",
            "s3:AbortMultipartUpload",
            "s3:ListMultipartUploadParts");
    /** Listing an owner's files (ListObjectsV2), and HeadBucket for the readiness check. */
    static final List<String> BUCKET_ACTIONS = List.of("s3:ListBucket");
    /** Item reads and conditional writes; no Scan, no table management. */
    static final List<String> TABLE_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
            "dynamodb:BatchGetItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem",
            "dynamodb:DescribeTable");

    /** How long an overwritten or deleted file's old version is kept. */
    private static final int NONCURRENT_VERSION_DAYS = 30;
    /** How long S3 server access logs are kept. */
    private static final int ACCESS_LOG_DAYS = 90;

    private final Bucket bucket;
    private final Table users;
    private final Table sessions;
    private final Table shares;
    private final Table loginFailures;

    public DataStores(final Construct scope, final String id, final Props props) {
        super(scope, id);
        RemovalPolicy removal = props.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        boolean emptyOnDelete = !props.retainData();

        // Server access logs of the file bucket (cdk-nag S1). cdk-nag accepts a log-target bucket
        // without logs of its own: logging it would log every log delivery.
        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(Duration.days(ACCESS_LOG_DAYS))
                        .build()))
                .removalPolicy(removal)
                .autoDeleteObjects(emptyOnDelete)
                .build();
        bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                // Versioning keeps an overwritten or deleted file recoverable for a while.
                .versioned(true)
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("expire-old-versions")
                                .noncurrentVersionExpiration(Duration.days(NONCURRENT_VERSION_DAYS))
                                .build(),
                        LifecycleRule.builder()
                                .id("clean-up")
                                // An upload that crashed half-way leaves parts that are billed but invisible.
                                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                                .expiredObjectDeleteMarker(true)
                                .build()))
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("files/")
                .removalPolicy(removal)
                .autoDeleteObjects(emptyOnDelete)
                .build();

        users = table("Users", "username", null, null, removal);
        sessions = table("Sessions", "token_hash", null, "expires_at", removal);
        shares = table("Shares", "grantee", "file_key", null, removal);
        shares.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(SHARES_BY_FILE_INDEX)
                .partitionKey(Attribute.builder()
                        .name("file_key")
                        .type(AttributeType.STRING)
                        .build())
                .sortKey(Attribute.builder()
                        .name("grantee")
                        .type(AttributeType.STRING)
                        .build())
                .build());
        // Login counters by throttle_key (username and address, username, or address); a change of key replaces
        // the table, which holds nothing that lives longer than a throttling window.
        loginFailures = table("LoginFailures", "throttle_key", null, "expires_at", removal);
    }

    private Table table(
            final String id,
            final String partitionKey,
            final String sortKey,
            final String ttlAttribute,
            final RemovalPolicy removal) {
        Table.Builder table = Table.Builder.create(this, id)
                .partitionKey(Attribute.builder()
                        .name(partitionKey)
                        .type(AttributeType.STRING)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                // A retained table is protected from a stray delete as well.
                .deletionProtection(removal == RemovalPolicy.RETAIN)
                .removalPolicy(removal);
        if (sortKey != null) {
            table.sortKey(
                    Attribute.builder().name(sortKey).type(AttributeType.STRING).build());
        }
        if (ttlAttribute != null) {
            table.timeToLiveAttribute(ttlAttribute);
        }
        return table.build();
    }

    /**
     * Lets the service do exactly what its AWS store does: object reads and writes in this bucket,
     * item reads and writes in these tables and the shares index. Hand-listed rather than
     * {@code grantReadWrite}, which would add s3:DeleteObjectVersion, s3:PutObjectTagging and the like.
     */
    public void grantServiceAccess(final IGrantable grantee) {
        List<String> tableArns = List.of(
                users.getTableArn(),
                sessions.getTableArn(),
                shares.getTableArn(),
                loginFailures.getTableArn(),
                shares.getTableArn() + "/index/" + SHARES_BY_FILE_INDEX);
        List.of(
                        PolicyStatement.Builder.create()
                                .actions(BUCKET_ACTIONS)
                                .resources(List.of(bucket.getBucketArn()))
                                .build(),
                        PolicyStatement.Builder.create()
                                .actions(OBJECT_ACTIONS)
                                .resources(List.of(bucket.arnForObjects("*")))
                                .build(),
                        PolicyStatement.Builder.create()
                                .actions(TABLE_ACTIONS)
                                .resources(tableArns)
                                .build())
                .forEach(statement -> grantee.getGrantPrincipal().addToPrincipalPolicy(statement));
    }

    /** The service's configuration for this store, as environment variables (MicroProfile Config names). */
    public Map<String, String> serviceEnvironment() {
        return Map.of(
                "FILESHARE_AWS_BUCKET", bucket.getBucketName(),
                "FILESHARE_AWS_TABLE_USERS", users.getTableName(),
                "FILESHARE_AWS_TABLE_SESSIONS", sessions.getTableName(),
                "FILESHARE_AWS_TABLE_SHARES", shares.getTableName(),
                "FILESHARE_AWS_TABLE_LOGIN_FAILURES", loginFailures.getTableName());
    }

    public Bucket bucket() {
        return bucket;
    }

    public List<Table> tables() {
        return List.of(users, sessions, shares, loginFailures);
    }

    /** What the data stores need to know. */
    public static final class Props {
        private final boolean retainData;

        private Props(final Builder builder) {
            this.retainData = builder.retainData;
        }

        public static Builder builder() {
            return new Builder();
        }

        public boolean retainData() {
            return retainData;
        }

        public static final class Builder {
            private boolean retainData = true;

            private Builder() {}

            /** Keep the bucket and tables when the stack is deleted (default); false deletes them with their data. */
            public Builder retainData(final boolean retainData) {
                this.retainData = retainData;
                return this;
            }

            public Props build() {
                return new Props(this);
            }
        }
    }
}
