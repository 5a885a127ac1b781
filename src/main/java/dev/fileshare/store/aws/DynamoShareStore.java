package dev.fileshare.store.aws;

import static dev.fileshare.store.aws.Items.s;
import static java.util.Map.entry;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ShareStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Shares table: keyed by the grantee and the file's key {@code owner/file_name} ({@link DynamoTables#SHARES});
 * {@code owner} and {@code file_name} are stored too, so a key is never parsed back. The inverted index (file, then
 * grantee) lists a file's grantees; like every GSI it is eventually consistent, so a grant made a moment before
 * {@link #revokeAll} may survive it (DynamoDB usually catches up within a second).
 */
final class DynamoShareStore implements ShareStore {
    private static final String GRANTEE = DynamoTables.SHARES.partitionKey();
    private static final String FILE_KEY = DynamoTables.SHARES.sortKey().orElseThrow();
    private static final String BY_FILE = DynamoTables.SHARES.invertedIndex().orElseThrow();

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoShareStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void grant(FileKey key, Username grantee) {
        Map<String, AttributeValue> item = Map.ofEntries(
                entry(GRANTEE, s(grantee.value())),
                entry(FILE_KEY, s(key.value())),
                entry("owner", s(key.owner().value())),
                entry("file_name", s(key.fileName().value())));
        AwsCalls.run(
                "grant a share",
                () -> dynamoDb.putItem(put -> put.tableName(table).item(item)));
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
    public List<FileKey> sharedWith(Username grantee) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression(GRANTEE + " = :grantee")
                .expressionAttributeValues(Map.of(":grantee", s(grantee.value())))
                .consistentRead(true)
                .build();
        return AwsCalls.call(
                "list the files shared with a user",
                () -> dynamoDb.queryPaginator(query).items().stream()
                        .map(item -> new FileKey(
                                new Username(Items.string(item, "owner")),
                                new FileName(Items.string(item, "file_name"))))
                        .collect(Collectors.toList()));
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
