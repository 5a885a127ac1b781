package dev.fileshare.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The AWS store of fileshare: one S3 bucket for the files (key {@code <owner>/<file_name>}) and six
 * DynamoDB tables. Their names are left to CloudFormation and handed to the service by environment.
 *
 * <p>Retained data is {@code RetainExceptOnCreate}: a stack update or delete keeps the bucket, the
 * tables and their data, but a first deploy that fails and rolls back removes what it created, so
 * the next attempt starts clean. The tables therefore have no deletion protection, which would make
 * that rollback fail; point-in-time recovery keeps a restorable backup of a deleted table for 35 days.
 */
public final class DataStores extends Construct {

    // What the service's AWS store does, resource by resource: the one list the task role and the VPC
    // endpoint policies are built from. HeadObject is authorised by s3:GetObject, HeadBucket and
    // ListObjectsV2 by s3:ListBucket, the multipart calls (create, upload part, complete) by s3:PutObject.
    // A presigned download URL names the object version it was issued for (versionId): s3:GetObjectVersion.
    // Older versions and the trash are the bucket's own: GetBucketVersioning once at start-up, ListObjectVersions
    // (s3:ListBucketVersions) to list them, GetObject of a version, DeleteObject of a delete marker (a restore from
    // the trash) and DeleteObjects of versions (a purge): s3:DeleteObjectVersion.
    static final List<String> BUCKET_ACTIONS =
            List.of("s3:ListBucket", "s3:ListBucketVersions", "s3:GetBucketVersioning");
    static final List<String> OBJECT_ACTIONS = List.of(
            "s3:GetObject",
            "s3:GetObjectVersion",
            "s3:PutObject",
            "s3:DeleteObject",
            "s3:DeleteObjectVersion",
            "s3:AbortMultipartUpload");
    // DescribeTable: the readiness check asks each table whether it is ACTIVE.
    // UpdateItem: a password change replaces the hash, conditional on the old one.
    static final List<String> USERS_ACTIONS =
            List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DescribeTable");
    // Query: the by-username index lists a user's sessions to end them all (log out everywhere, a new password).
    static final List<String> SESSIONS_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable");
    static final List<String> SESSIONS_INDEX_ACTIONS = List.of("dynamodb:Query");
    // UpdateItem: a share carries its file's size, time and ETag, refreshed in place when the file changes.
    static final List<String> SHARES_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
            "dynamodb:DescribeTable");
    static final List<String> SHARES_INDEX_ACTIONS = List.of("dynamodb:Query");
    static final List<String> LOGIN_ATTEMPTS_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:DescribeTable");
    // A link's conditional put and counting updates; Query reads its access log; BatchWriteItem deletes that log
    // with the link (25 items a call).
    static final List<String> LINKS_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:Query",
            "dynamodb:DescribeTable");
    // The sparse by-owner index lists a user's links.
    static final List<String> LINKS_INDEX_ACTIONS = List.of("dynamodb:Query");
    // Resumable uploads: a conditional put creates one, conditional updates claim it and count its chunks, a delete
    // ends it; Scan finds the expired ones (the table holds only uploads in progress). Query on the table as well as
    // its index, as for sessions: the inventory grants a class's queries on both.
    static final List<String> UPLOADS_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
            "dynamodb:Scan",
            "dynamodb:DescribeTable");
    // The by-owner index counts a user's open uploads.
    static final List<String> UPLOADS_INDEX_ACTIONS = List.of("dynamodb:Query");

    /**
     * How long an overwritten or deleted file's old version is kept: the service's {@code fileshare.versions.max-age}
     * and {@code fileshare.trash.max-age} (a delete makes the current object noncurrent, behind a delete marker).
     */
    private static final int NONCURRENT_VERSION_DAYS = 30;
    /** How many old versions of a file are kept besides the current one: the service's {@code fileshare.versions.keep}. */
    private static final int NONCURRENT_VERSIONS_KEPT = 10;
    /** How long S3 server access logs are kept. */
    private static final int ACCESS_LOG_DAYS = 90;
    /**
     * Multipart uploads left incomplete are aborted after this many days; a resumable upload's parts are one, so
     * it must finish within this time of its creation (its record expires a day after its last chunk anyway).
     */
    private static final int INCOMPLETE_UPLOAD_DAYS = 2;
    /** The staging prefix of resumable uploads: nothing there outlives its upload, so leftovers go soon. */
    static final String STAGING_PREFIX = ".uploads/";

    private static final int STAGED_OBJECT_DAYS = 3;

    private final Bucket bucket;
    private final Table users;
    private final Table sessions;
    private final Table shares;
    private final Table loginAttempts;
    private final Table links;
    private final Table uploads;

    public DataStores(final Construct scope, final String id, final Props props) {
        super(scope, id);
        RemovalPolicy removal = props.retainData() ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY;
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
        Bucket.Builder files = Bucket.Builder.create(this, "Files")
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
                        // S3 expires a noncurrent version only when both bounds are passed, so the count is a rule
                        // of its own: beyond the newest ten, old versions go after a day (S3's shortest).
                        LifecycleRule.builder()
                                .id("keep-newest-versions")
                                .noncurrentVersionExpiration(Duration.days(1))
                                .noncurrentVersionsToRetain(NONCURRENT_VERSIONS_KEPT)
                                .build(),
                        LifecycleRule.builder()
                                .id("clean-up")
                                // An upload that crashed half-way leaves parts that are billed but invisible.
                                .abortIncompleteMultipartUploadAfter(Duration.days(INCOMPLETE_UPLOAD_DAYS))
                                .expiredObjectDeleteMarker(true)
                                .build(),
                        LifecycleRule.builder()
                                .id("expire-staged-uploads")
                                // Bytes of resumable uploads a crash left behind (the service deletes its own),
                                // and the old versions its deletes leave.
                                .prefix(STAGING_PREFIX)
                                .expiration(Duration.days(STAGED_OBJECT_DAYS))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .build()))
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("files/")
                .removalPolicy(removal)
                .autoDeleteObjects(emptyOnDelete);
        if (!props.corsOrigins().isEmpty()) {
            files.cors(List.of(transferUrlCors(props.corsOrigins())));
        }
        bucket = files.build();

        users = table("Users", StoreTables.USERS, removal);
        sessions = table("Sessions", StoreTables.SESSIONS, removal);
        shares = table("Shares", StoreTables.SHARES, removal);
        // Login counters by throttle_key (username and address, username, or address); a change of key replaces
        // the table, which holds nothing that lives longer than a throttling window.
        loginAttempts = table("LoginAttempts", StoreTables.LOGIN_ATTEMPTS, removal);
        // Public links (item "link") and their access logs (items "access#<slot>") under the link's handle; every
        // item expires by time to live 30 days after its link does. The sparse index holds the links alone, by owner.
        links = table("Links", StoreTables.LINKS, removal);
        // Resumable uploads in progress (their bytes are in the bucket under .uploads/); time to live removes a
        // record two days after its expiry, should the service's sweep have missed it.
        uploads = table("Uploads", StoreTables.UPLOADS, removal);
    }

    /**
     * Browsers on these origins may use the presigned transfer URLs: a PUT of an upload, a GET (or
     * HEAD, or a Range of) a download. The URL carries its own signature, so no credentials and no
     * x-amz-* headers need to be allowed.
     */
    private static CorsRule transferUrlCors(final List<String> origins) {
        return CorsRule.builder()
                .allowedOrigins(origins)
                .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD))
                .allowedHeaders(List.of("Content-Type", "Range", "If-Match", "If-None-Match"))
                .exposedHeaders(List.of("ETag", "Content-Range", "Content-Disposition"))
                .maxAge((int) java.time.Duration.ofHours(1).toSeconds())
                .build();
    }

    private Table table(final String id, final StoreTables.Keys keys, final RemovalPolicy removal) {
        Table.Builder builder = Table.Builder.create(this, id)
                .partitionKey(stringAttribute(keys.partitionKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .removalPolicy(removal);
        keys.sortKey().ifPresent(sortKey -> builder.sortKey(stringAttribute(sortKey)));
        keys.timeToLive().ifPresent(builder::timeToLiveAttribute);
        Table table = builder.build();
        keys.invertedIndex()
                .ifPresent(index -> table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                        .indexName(index)
                        .partitionKey(stringAttribute(keys.sortKey().orElseThrow()))
                        .sortKey(stringAttribute(keys.partitionKey()))
                        .build()));
        keys.sparseIndex()
                .ifPresent(index -> table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                        .indexName(index.name())
                        .partitionKey(stringAttribute(index.partitionKey()))
                        .sortKey(stringAttribute(index.sortKey()))
                        .build()));
        return table;
    }

    private static Attribute stringAttribute(final String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /**
     * Lets the service do exactly what its AWS store does: these object and bucket actions in this
     * bucket, and on each table only the item actions its adapter calls. Hand-listed rather than
     * {@code grantReadWrite}, which would add s3:PutObjectTagging, the s3:DeleteObject* wildcard and the like.
     */
    public void grantServiceAccess(final IGrantable grantee) {
        serviceStatements(null).forEach(grantee.getGrantPrincipal()::addToPrincipalPolicy);
    }

    /**
     * The same permissions as a VPC endpoint policy grants them to whoever calls through the endpoint
     * (the endpoint policy limits what passes; the caller's own policy still decides what it may do).
     */
    public List<PolicyStatement> s3EndpointStatements() {
        return serviceStatements(new AnyPrincipal()).stream()
                .filter(s -> s.getActions().get(0).startsWith("s3:"))
                .toList();
    }

    /** The DynamoDB part of {@link #s3EndpointStatements()}: only these tables and their indexes. */
    public List<PolicyStatement> dynamoDbEndpointStatements() {
        return serviceStatements(new AnyPrincipal()).stream()
                .filter(s -> s.getActions().get(0).startsWith("dynamodb:"))
                .toList();
    }

    private List<PolicyStatement> serviceStatements(final IPrincipal principal) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(statement(principal, BUCKET_ACTIONS, bucket.getBucketArn()));
        statements.add(statement(principal, OBJECT_ACTIONS, bucket.arnForObjects("*")));
        statements.add(statement(principal, USERS_ACTIONS, users.getTableArn()));
        statements.add(statement(principal, SESSIONS_ACTIONS, sessions.getTableArn()));
        statements.add(statement(
                principal,
                SESSIONS_INDEX_ACTIONS,
                sessions.getTableArn() + "/index/"
                        + StoreTables.SESSIONS.sparseIndex().orElseThrow().name()));
        statements.add(statement(principal, SHARES_ACTIONS, shares.getTableArn()));
        statements.add(statement(
                principal,
                SHARES_INDEX_ACTIONS,
                shares.getTableArn() + "/index/"
                        + StoreTables.SHARES.invertedIndex().orElseThrow()));
        statements.add(statement(principal, LOGIN_ATTEMPTS_ACTIONS, loginAttempts.getTableArn()));
        statements.add(statement(principal, LINKS_ACTIONS, links.getTableArn()));
        statements.add(statement(
                principal,
                LINKS_INDEX_ACTIONS,
                links.getTableArn() + "/index/"
                        + StoreTables.LINKS.sparseIndex().orElseThrow().name()));
        statements.add(statement(principal, UPLOADS_ACTIONS, uploads.getTableArn()));
        statements.add(statement(
                principal,
                UPLOADS_INDEX_ACTIONS,
                uploads.getTableArn() + "/index/"
                        + StoreTables.UPLOADS.sparseIndex().orElseThrow().name()));
        return statements;
    }

    private static PolicyStatement statement(
            final IPrincipal principal, final List<String> actions, final String resource) {
        PolicyStatement.Builder statement =
                PolicyStatement.Builder.create().actions(actions).resources(List.of(resource));
        if (principal != null) {
            statement.principals(List.of(principal));
        }
        return statement.build();
    }

    /** The service's configuration for this store, as environment variables (MicroProfile Config names). */
    public Map<String, String> serviceEnvironment() {
        return Map.of(
                "FILESHARE_AWS_BUCKET", bucket.getBucketName(),
                "FILESHARE_AWS_TABLE_USERS", users.getTableName(),
                "FILESHARE_AWS_TABLE_SESSIONS", sessions.getTableName(),
                "FILESHARE_AWS_TABLE_SHARES", shares.getTableName(),
                "FILESHARE_AWS_TABLE_LOGIN_ATTEMPTS", loginAttempts.getTableName(),
                "FILESHARE_AWS_TABLE_LINKS", links.getTableName(),
                "FILESHARE_AWS_TABLE_UPLOADS", uploads.getTableName());
    }

    public Bucket bucket() {
        return bucket;
    }

    public List<Table> tables() {
        return List.of(users, sessions, shares, loginAttempts, links, uploads);
    }

    /** What the data stores need to know. */
    public static final class Props {
        private final boolean retainData;
        private final List<String> corsOrigins;

        private Props(final Builder builder) {
            this.retainData = builder.retainData;
            this.corsOrigins = List.copyOf(Objects.requireNonNull(builder.corsOrigins, "corsOrigins"));
        }

        public static Builder builder() {
            return new Builder();
        }

        public boolean retainData() {
            return retainData;
        }

        public List<String> corsOrigins() {
            return corsOrigins;
        }

        public static final class Builder {
            private boolean retainData = true;
            private List<String> corsOrigins = List.of();

            private Builder() {}

            /**
             * Keep the bucket and tables when the stack is deleted or replaces them (default;
             * RetainExceptOnCreate); false deletes them with their data.
             */
            public Builder retainData(final boolean retainData) {
                this.retainData = retainData;
                return this;
            }

            /** Browser origins allowed to use the presigned transfer URLs; default none (no CORS rule). */
            public Builder corsOrigins(final List<String> origins) {
                this.corsOrigins = origins;
                return this;
            }

            public Props build() {
                return new Props(this);
            }
        }
    }
}
