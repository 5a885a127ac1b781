package dev.fileshare.store.aws;

import static dev.fileshare.store.aws.Items.n;
import static dev.fileshare.store.aws.Items.s;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ShareStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Shares table: keyed by the grantee and the file's key {@code owner/file_name} ({@link DynamoTables#SHARES});
 * {@code owner} and {@code file_name} are stored too, so a key is never parsed back. The inverted index (file, then
 * grantee) lists a file's grantees; like every GSI it is eventually consistent, so a grant made a moment before
 * {@link #revokeAll} may survive it (DynamoDB usually catches up within a second).
 *
 * <p>Each share also carries the file's entry as the grantee's listing shows it ({@code size}, {@code modified}
 * in epoch milliseconds, {@code etag}, and {@code sha256} in hex when the version's digest is known): a page of {@link #sharedWith} is then one Query, with no S3 call per
 * shared file. {@link #refresh} rewrites them when the service writes the file anew.
 */
final class DynamoShareStore implements ShareStore {
    private static final String GRANTEE = DynamoTables.SHARES.partitionKey();
    private static final String FILE_KEY = DynamoTables.SHARES.sortKey().orElseThrow();
    private static final String BY_FILE = DynamoTables.SHARES.invertedIndex().orElseThrow();
    private static final String SHA256 = "sha256";

    private final DynamoDbClient dynamoDb;
    private final String table;
    /** For shares stored before they carried the entry: looked up once, then written back. */
    private final Function<FileKey, Optional<FileVersion>> currentVersion;

    DynamoShareStore(DynamoDbClient dynamoDb, String table, Function<FileKey, Optional<FileVersion>> currentVersion) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.currentVersion = currentVersion;
    }

    @Override
    public void grant(FileVersion version, Username grantee) {
        FileKey key = version.key();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                GRANTEE,
                s(grantee.value()),
                FILE_KEY,
                s(key.value()),
                "owner",
                s(key.owner().value()),
                "file_name",
                s(key.fileName().value()),
                "size",
                n(version.size()),
                "modified",
                n(version.modified().toEpochMilli()),
                "etag",
                s(version.etag())));
        version.sha256().ifPresent(sha256 -> item.put(SHA256, s(sha256.hex())));
        AwsCalls.run(
                "grant a share",
                () -> dynamoDb.putItem(put -> put.tableName(table).item(item)));
    }

    @Override
    public void refresh(FileVersion version) {
        AwsCalls.run("refresh a file's shares", () -> {
            for (Username grantee : granteesOf(version.key())) {
                refresh(version, grantee);
            }
        });
    }

    /**
     * Rewrites one share's entry unless the share is gone (revoked meanwhile: never recreated here) or already
     * shows a later write (two writes racing to refresh: the later version wins).
     */
    private void refresh(FileVersion version, Username grantee) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":size", n(version.size()),
                ":modified", n(version.modified().toEpochMilli()),
                ":etag", s(version.etag())));
        version.sha256().ifPresent(sha256 -> values.put(":sha256", s(sha256.hex())));
        // A version without a known digest must not keep showing the one before it.
        String sha256 = version.sha256().isPresent() ? ", #sha256 = :sha256" : " REMOVE #sha256";
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(key(version.key(), grantee))
                    // "size" is one of DynamoDB's reserved words: the attributes go by placeholders.
                    .updateExpression("SET #size = :size, #modified = :modified, #etag = :etag" + sha256)
                    .conditionExpression("attribute_exists(" + GRANTEE + ")"
                            + " AND (attribute_not_exists(#modified) OR #modified <= :modified)")
                    .expressionAttributeNames(
                            Map.of("#size", "size", "#modified", "modified", "#etag", "etag", "#sha256", SHA256))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException revokedOrNewer) {
            // nothing to refresh
        }
    }

    @Override
    public boolean revoke(FileKey key, Username grantee) {
        Map<String, AttributeValue> old = AwsCalls.call(
                "revoke a share",
                () -> dynamoDb.deleteItem(delete ->
                                delete.tableName(table).key(key(key, grantee)).returnValues(ReturnValue.ALL_OLD))
                        .attributes());
        return old != null && !old.isEmpty();
    }

    @Override
    public boolean isGranted(FileKey key, Username grantee) {
        return Items.get(dynamoDb, table, key(key, grantee), "look up a share").isPresent();
    }

    @Override
    public List<FileVersion> sharedWith(Username grantee, Optional<FileKey> after, int max) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true);
        if (after.isPresent()) {
            query.keyConditionExpression(GRANTEE + " = :grantee AND " + FILE_KEY + " > :after")
                    .expressionAttributeValues(Map.of(
                            ":grantee",
                            s(grantee.value()),
                            ":after",
                            s(after.get().value())));
        } else {
            query.keyConditionExpression(GRANTEE + " = :grantee")
                    .expressionAttributeValues(Map.of(":grantee", s(grantee.value())));
        }
        if (max < Integer.MAX_VALUE) {
            // A page's worth of items a call (DynamoDB returns up to 1 MB a call either way).
            query.limit(max);
        }
        // The sort key orders items by the UTF-8 bytes of the file's key: key order.
        return AwsCalls.call(
                "list the files shared with a user",
                () -> dynamoDb.queryPaginator(query.build()).items().stream()
                        .flatMap(item -> entry(grantee, item))
                        .limit(max)
                        .collect(Collectors.toList()));
    }

    private Stream<FileVersion> entry(Username grantee, Map<String, AttributeValue> item) {
        FileKey key =
                new FileKey(new Username(Items.string(item, "owner")), new FileName(Items.string(item, "file_name")));
        if (item.containsKey("etag")) {
            return Stream.of(new FileVersion(
                    key,
                    Items.number(item, "size"),
                    Instant.ofEpochMilli(Items.number(item, "modified")),
                    Items.string(item, "etag"),
                    Optional.ofNullable(item.get(SHA256)).map(value -> Sha256Digest.fromHex(value.s()))));
        }
        Optional<FileVersion> current = currentVersion.apply(key);
        if (current.isPresent()) {
            refresh(current.get(), grantee);
        } else {
            // A share of a file deleted before shares carried entries, which the delete did not catch.
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(key, grantee)));
        }
        return current.stream();
    }

    @Override
    public List<Username> grantees(FileKey key) {
        return AwsCalls.call("list a file's grantees", () -> granteesOf(key));
    }

    @Override
    public void revokeAll(FileKey key) {
        AwsCalls.run("revoke a file's shares", () -> {
            for (Username grantee : granteesOf(key)) {
                dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(key, grantee)));
            }
        });
    }

    private List<Username> granteesOf(FileKey key) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .indexName(BY_FILE)
                .keyConditionExpression(FILE_KEY + " = :file_key")
                .expressionAttributeValues(Map.of(":file_key", s(key.value())))
                .build();
        return dynamoDb.queryPaginator(query).items().stream()
                .map(item -> new Username(Items.string(item, GRANTEE)))
                .collect(Collectors.toList());
    }

    private static Map<String, AttributeValue> key(FileKey key, Username grantee) {
        return Map.of(GRANTEE, s(grantee.value()), FILE_KEY, s(key.value()));
    }
}
