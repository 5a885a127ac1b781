package dev.fileshare.store.aws;

import static dev.fileshare.store.aws.Items.n;
import static dev.fileshare.store.aws.Items.s;
import static java.util.Map.entry;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.StoredSession;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Sessions table: keyed by the token's hash ({@link DynamoTables#SESSIONS}); {@code username} (S) and the expiry in
 * epoch seconds (N), which is also the table's TTL attribute, so DynamoDB drops expired sessions by itself.
 */
final class DynamoSessionStore implements SessionStore {
    private static final String TOKEN_HASH = DynamoTables.SESSIONS.partitionKey();
    private static final String EXPIRES_AT = DynamoTables.SESSIONS.timeToLive().orElseThrow();
    private static final String USERNAME =
            DynamoTables.SESSIONS.sparseIndex().orElseThrow().partitionKey();
    private static final String BY_USERNAME =
            DynamoTables.SESSIONS.sparseIndex().orElseThrow().name();

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoSessionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(StoredSession session) {
        Map<String, AttributeValue> item = Map.ofEntries(
                entry(TOKEN_HASH, s(session.tokenHash())),
                entry(USERNAME, s(session.username().value())),
                entry(EXPIRES_AT, n(session.expiresAt().getEpochSecond())));
        AwsCalls.run(
                "store a session",
                () -> dynamoDb.putItem(put -> put.tableName(table).item(item)));
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return Items.get(dynamoDb, table, key(tokenHash), "look up a session")
                .map(item -> new StoredSession(
                        tokenHash,
                        new Username(Items.string(item, USERNAME)),
                        Instant.ofEpochSecond(Items.number(item, EXPIRES_AT))));
    }

    @Override
    public void delete(String tokenHash) {
        AwsCalls.run(
                "delete a session",
                () -> dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(tokenHash))));
    }

    /**
     * Deletes each session the {@value #BY_USERNAME} index lists for the user. The index is eventually consistent:
     * a session opened a moment before (under a second, as DynamoDB propagates) may be missed.
     */
    @Override
    public void deleteAllOf(Username username, Optional<String> kept) {
        AwsCalls.run("delete a user's sessions", () -> {
            QueryRequest query = QueryRequest.builder()
                    .tableName(table)
                    .indexName(BY_USERNAME)
                    .keyConditionExpression("#username = :username")
                    .expressionAttributeNames(Map.of("#username", USERNAME))
                    .expressionAttributeValues(Map.of(":username", s(username.value())))
                    .projectionExpression(TOKEN_HASH)
                    .build();
            for (Map<String, AttributeValue> item :
                    dynamoDb.queryPaginator(query).items()) {
                String tokenHash = Items.string(item, TOKEN_HASH);
                if (kept.map(tokenHash::equals).orElse(false)) {
                    continue;
                }
                dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(tokenHash)));
            }
        });
    }

    private static Map<String, AttributeValue> key(String tokenHash) {
        return Map.of(TOKEN_HASH, s(tokenHash));
    }
}
