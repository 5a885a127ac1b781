package dev.fileshare.store.aws;

import dev.fileshare.core.port.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Creates the bucket and the tables when they are missing ({@code fileshare.aws.create-resources}), with the
 * same key schemas as the CDK stack. Meant for stand-ins and trials; production resources come from the stack.
 */
final class AwsResources {
    private static final Logger LOG = Logger.getLogger(AwsResources.class.getName());
    /** dynalite and DynamoDB keep a new table CREATING briefly; the SDK waiter's 20 s first delay is far too slow. */
    private static final Duration POLL = Duration.ofMillis(100);

    private static final Duration TABLE_READY_TIMEOUT = Duration.ofMinutes(2);

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;

    AwsResources(AwsClients clients) {
        this.s3 = clients.s3();
        this.dynamoDb = clients.dynamoDb();
    }

    void createMissing(AwsSettings config) {
        try {
            createBucketIfMissing(config.bucket(), config.region());
            AwsSettings.Tables tables = config.tables();
            createTableIfMissing(table(tables.users(), "username", null));
            createTableIfMissing(table(tables.sessions(), "token_hash", null));
            createTableIfMissing(sharesTable(tables.shares()));
            createTableIfMissing(table(tables.loginFailures(), DynamoLoginFailureStore.KEY, null));
            for (String name : List.of(tables.users(), tables.sessions(), tables.shares(), tables.loginFailures())) {
                awaitActive(name);
            }
            enableTimeToLive(tables.sessions());
            enableTimeToLive(tables.loginFailures());
        } catch (SdkException e) {
            throw new StoreException("aws store: cannot create the bucket and tables", e);
        }
    }

    private void createBucketIfMissing(String bucket, String region) {
        try {
            s3.headBucket(head -> head.bucket(bucket));
            return;
        } catch (NoSuchBucketException missing) {
            LOG.info(() -> "creating the S3 bucket " + bucket);
        }
        try {
            s3.createBucket(create -> {
                create.bucket(bucket);
                // us-east-1 is the one region that refuses an explicit location constraint.
                if (!"us-east-1".equals(region)) {
                    create.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
        } catch (BucketAlreadyOwnedByYouException createdMeanwhile) {
            // another instance created it first
        }
        // Versioned, as the stack's bucket is: a download URL names the object version it was issued for.
        s3.putBucketVersioning(versioning ->
                versioning.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    }

    private static CreateTableRequest table(String name, String partitionKey, String sortKey) {
        CreateTableRequest.Builder request =
                CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
        if (sortKey == null) {
            return request.attributeDefinitions(stringAttribute(partitionKey))
                    .keySchema(key(partitionKey, KeyType.HASH))
                    .build();
        }
        return request.attributeDefinitions(stringAttribute(partitionKey), stringAttribute(sortKey))
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .build();
    }

    private static CreateTableRequest sharesTable(String name) {
        GlobalSecondaryIndex byFile = GlobalSecondaryIndex.builder()
                .indexName(DynamoShareStore.BY_FILE)
                .keySchema(key("file_key", KeyType.HASH), key("grantee", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
        return table(name, "grantee", "file_key").toBuilder()
                .globalSecondaryIndexes(byFile)
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private void createTableIfMissing(CreateTableRequest request) {
        try {
            List<KeySchemaElement> existing = dynamoDb.describeTable(
                            describe -> describe.tableName(request.tableName()))
                    .table()
                    .keySchema();
            if (!existing.equals(request.keySchema())) {
                // e.g. a login-failures table from before its key became throttle_key: it holds only counters
                // that expire within minutes, so deleting it loses nothing that matters.
                throw new StoreException(
                        "aws store: the table " + request.tableName() + " exists with the key " + existing
                                + " but this version needs " + request.keySchema()
                                + "; delete it (or name another) to have it created anew",
                        null);
            }
            return;
        } catch (ResourceNotFoundException missing) {
            LOG.info(() -> "creating the DynamoDB table " + request.tableName());
        }
        try {
            dynamoDb.createTable(request);
        } catch (ResourceInUseException createdMeanwhile) {
            // another instance created it first
        }
    }

    private void awaitActive(String table) {
        long deadline = System.nanoTime() + TABLE_READY_TIMEOUT.toNanos();
        while (dynamoDb.describeTable(d -> d.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new StoreException("aws store: the table " + table + " did not become active", null);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("aws store: interrupted waiting for the table " + table, e);
            }
        }
    }

    /** Lets DynamoDB drop expired items by {@code expires_at}; stand-ins such as dynalite lack the operation. */
    private void enableTimeToLive(String table) {
        try {
            dynamoDb.updateTimeToLive(ttl -> ttl.tableName(table)
                    .timeToLiveSpecification(
                            spec -> spec.attributeName("expires_at").enabled(true)));
        } catch (DynamoDbException e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if ("UnknownOperationException".equals(code)) {
                LOG.info(() -> "this DynamoDB endpoint has no time to live; expired items of " + table
                        + " stay (they are refused all the same)");
            } else if (!isAlreadyEnabled(e)) {
                throw e;
            }
        }
    }

    private static boolean isAlreadyEnabled(DynamoDbException e) {
        return e.getMessage() != null && e.getMessage().contains("already enabled");
    }
}
