package dev.fileshare.store.aws;

import static dev.fileshare.store.aws.Items.s;
import static java.util.Map.entry;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.core.port.UserStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Users table: keyed by the username ({@link DynamoTables#USERS}); {@code password_hash} (S), {@code created_at} (S,
 * ISO-8601). A deleted account's item stays as its name's tombstone: {@code retired_at} (S) instead of a password
 * hash, so the conditional put of a registration finds the name taken.
 */
final class DynamoUserStore implements UserStore {
    private static final String USERNAME = DynamoTables.USERS.partitionKey();

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoUserStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean createIfAbsent(UserAccount account) {
        Map<String, AttributeValue> item = Map.ofEntries(
                entry(USERNAME, s(account.username().value())),
                entry("password_hash", s(account.passwordHash())),
                entry("created_at", s(account.createdAt().toString())));
        try {
            dynamoDb.putItem(put ->
                    put.tableName(table).item(item).conditionExpression("attribute_not_exists(" + USERNAME + ")"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        } catch (SdkException e) {
            throw AwsCalls.failure("register a user", e);
        }
    }

    @Override
    public boolean replacePasswordHash(Username username, String expectedHash, String newHash) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(Map.of(USERNAME, s(username.value())))
                    .updateExpression("SET password_hash = :new")
                    .conditionExpression("password_hash = :expected")
                    .expressionAttributeValues(Map.of(":new", s(newHash), ":expected", s(expectedHash))));
            return true;
        } catch (ConditionalCheckFailedException goneOrChanged) {
            return false;
        } catch (SdkException e) {
            throw AwsCalls.failure("change a password", e);
        }
    }

    @Override
    public boolean retire(Username username) {
        // Unconditional, so that a name is reserved even when its account is gone already; the old values tell
        // whether there was an account.
        return AwsCalls.call(
                "delete a user",
                () -> dynamoDb.updateItem(update -> update.tableName(table)
                                .key(Map.of(USERNAME, s(username.value())))
                                .updateExpression("SET retired_at = :now REMOVE password_hash")
                                .expressionAttributeValues(
                                        Map.of(":now", s(Instant.now().toString())))
                                .returnValues(ReturnValue.UPDATED_OLD))
                        .attributes()
                        .containsKey("password_hash"));
    }

    @Override
    public Optional<UserAccount> find(Username username) {
        return Items.get(dynamoDb, table, Map.of(USERNAME, s(username.value())), "look up a user")
                .filter(item -> item.containsKey("password_hash"))
                .map(item -> new UserAccount(
                        username,
                        Items.string(item, "password_hash"),
                        Instant.parse(Items.string(item, "created_at"))));
    }
}
