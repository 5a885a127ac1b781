package dev.fileshare.store.aws;

import static dev.fileshare.store.aws.Items.n;
import static dev.fileshare.store.aws.Items.s;
import static java.util.Map.entry;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LoginFailureStore;
import dev.fileshare.core.port.LoginFailures;
import dev.fileshare.core.port.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Login-failures table: keyed by the username ({@link DynamoTables#LOGIN_FAILURES}); {@code window_start} (N, epoch
 * millis), {@code failures} (N) and the window's end in epoch seconds (N, the TTL attribute). Counting is two
 * conditional writes instead of a transaction: add one while the window is open, else start a new window unless
 * another writer just did, and try again when a condition loses a race.
 */
final class DynamoLoginFailureStore implements LoginFailureStore {
    /** Each lost race means another writer succeeded, so a handful of attempts always suffices in practice. */
    private static final int ATTEMPTS = 20;

    private static final String USERNAME = DynamoTables.LOGIN_FAILURES.partitionKey();
    private static final String EXPIRES_AT =
            DynamoTables.LOGIN_FAILURES.timeToLive().orElseThrow();

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoLoginFailureStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<LoginFailures> find(Username username) {
        return Items.get(dynamoDb, table, key(username), "read login failures").map(DynamoLoginFailureStore::window);
    }

    @Override
    public LoginFailures recordFailure(Username username, Instant now, Duration window) {
        // A window that began at or before this instant has ended (as in the local store).
        AttributeValue cutoff = n(now.minus(window).toEpochMilli());
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<LoginFailures> counted = countInOpenWindow(username, cutoff);
                if (counted.isPresent()) {
                    return counted.get();
                }
                if (startNewWindow(username, now, window, cutoff)) {
                    return new LoginFailures(now, 1);
                }
            }
        } catch (SdkException e) {
            throw AwsCalls.failure("count a login failure", e);
        }
        throw new StoreException("aws store: too much contention counting login failures of one user", null);
    }

    private Optional<LoginFailures> countInOpenWindow(Username username, AttributeValue cutoff) {
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(update -> update.tableName(table)
                            .key(key(username))
                            .updateExpression("ADD failures :one")
                            .conditionExpression("window_start > :cutoff")
                            .expressionAttributeValues(Map.of(":one", n(1), ":cutoff", cutoff))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return Optional.of(window(updated));
        } catch (ConditionalCheckFailedException noOpenWindow) {
            return Optional.empty();
        }
    }

    private boolean startNewWindow(Username username, Instant now, Duration window, AttributeValue cutoff) {
        Map<String, AttributeValue> item = Map.ofEntries(
                entry(USERNAME, s(username.value())),
                entry("window_start", n(now.toEpochMilli())),
                entry("failures", n(1)),
                entry(EXPIRES_AT, n(epochSecondsRoundedUp(now.plus(window)))));
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(" + USERNAME + ") OR window_start <= :cutoff")
                    .expressionAttributeValues(Map.of(":cutoff", cutoff)));
            return true;
        } catch (ConditionalCheckFailedException anotherWriterStartedOne) {
            return false;
        }
    }

    @Override
    public void clear(Username username) {
        AwsCalls.run(
                "clear login failures",
                () -> dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(username))));
    }

    /** TTL must not drop a window before it ends. */
    private static long epochSecondsRoundedUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    private static LoginFailures window(Map<String, AttributeValue> item) {
        return new LoginFailures(
                Instant.ofEpochMilli(Items.number(item, "window_start")),
                Math.toIntExact(Items.number(item, "failures")));
    }

    private static Map<String, AttributeValue> key(Username username) {
        return Map.of(USERNAME, s(username.value()));
    }
}
