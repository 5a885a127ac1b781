package dev.fileshare.store.aws;

import dev.fileshare.core.port.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Creates the bucket and the tables when they are missing ({@code fileshare.aws.create-resources}), with the key
 * schemas of {@link DynamoTables}, as the CDK stack does. Meant for stand-ins and trials; production resources come
 * from the stack.
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
            AwsSettings.Tables names = config.tables();
            Map<String, DynamoTables.Table> tables = new LinkedHashMap<>();
            tables.put(names.users(), DynamoTables.USERS);
            tables.put(names.sessions(), DynamoTables.SESSIONS);
            tables.put(names.shares(), DynamoTables.SHARES);
            tables.put(names.loginAttempts(), DynamoTables.LOGIN_ATTEMPTS);
            tables.put(names.links(), DynamoTables.LINKS);
            tables.put(names.uploads(), DynamoTables.UPLOADS);
            tables.forEach((name, schema) -> createTableIfMissing(request(name, schema)));
            tables.keySet().forEach(this::awaitActive);
            tables.forEach((name, schema) -> schema.timeToLive().ifPresent(ttl -> enableTimeToLive(name, ttl)));
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

    private static CreateTableRequest request(String name, DynamoTables.Table schema) {
        CreateTableRequest.Builder request =
                CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
        List<KeySchemaElement> keys = new ArrayList<>(List.of(key(schema.partitionKey(), KeyType.HASH)));
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(stringAttribute(schema.partitionKey())));
        schema.sortKey().ifPresent(sortKey -> {
            keys.add(key(sortKey, KeyType.RANGE));
            attributes.add(stringAttribute(sortKey));
        });
        schema.invertedIndex()
                .ifPresent(index -> request.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(index)
                        .keySchema(
                                key(schema.sortKey().orElseThrow(), KeyType.HASH),
                                key(schema.partitionKey(), KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()));
        schema.sparseIndex().ifPresent(index -> {
            // Every key attribute of the table and its indexes is defined once.
            for (String attribute : List.of(index.partitionKey(), index.sortKey())) {
                if (attributes.stream().noneMatch(a -> a.attributeName().equals(attribute))) {
                    attributes.add(stringAttribute(attribute));
                }
            }
            request.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(key(index.partitionKey(), KeyType.HASH), key(index.sortKey(), KeyType.RANGE))
                    .projection(p -> p.projectionType(ProjectionType.ALL))
                    .build());
        });
        return request.keySchema(keys).attributeDefinitions(attributes).build();
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
                // e.g. a login-attempts table from before its key became throttle_key: it holds only counters
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

    /** Lets DynamoDB drop expired items by {@code attribute}; stand-ins such as dynalite lack the operation. */
    private void enableTimeToLive(String table, String attribute) {
        try {
            dynamoDb.updateTimeToLive(ttl -> ttl.tableName(table)
                    .timeToLiveSpecification(
                            spec -> spec.attributeName(attribute).enabled(true)));
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
