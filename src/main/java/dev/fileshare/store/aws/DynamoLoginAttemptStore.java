package dev.fileshare.store.aws;

import static dev.fileshare.store.aws.Items.n;
import static dev.fileshare.store.aws.Items.s;

import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.Reservation;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Login counters: keyed by the throttle key ({@link DynamoTables#LOGIN_ATTEMPTS}); {@code attempts} (N), {@code window_end} (N, epoch millis) and
 * the time-to-live attribute (N, epoch seconds of the window's end rounded up; the TTL attribute). No transactions (the
 * stand-in has none): a reservation is a conditional UpdateItem that adds one while the window is open and below
 * the limit, or creates the counter; only when the window has ended does a conditional PutItem replace it, and a
 * lost race is tried again.
 */
final class DynamoLoginAttemptStore implements LoginAttemptStore {
    static final String KEY = DynamoTables.LOGIN_ATTEMPTS.partitionKey();
    private static final String EXPIRES_AT =
            DynamoTables.LOGIN_ATTEMPTS.timeToLive().orElseThrow();
    /** Each lost race means another writer succeeded, so a handful of attempts always suffices in practice. */
    private static final int ATTEMPTS = 20;

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoLoginAttemptStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Reservation reserve(ThrottleKey key, Instant now, Duration window, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit is at least 1");
        }
        Instant newEnd = now.plus(window);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                CountOrCurrent counted = countInOpenWindow(key, now, newEnd, limit);
                if (counted.granted() != null) {
                    return counted.granted();
                }
                Map<String, AttributeValue> current = counted.current();
                if (current == null || current.isEmpty()) {
                    continue; // cleared meanwhile: count again
                }
                Instant end = Instant.ofEpochMilli(Items.number(current, "window_end"));
                if (end.isAfter(now)) {
                    return new Reservation(false, Math.toIntExact(Items.number(current, "attempts")), end);
                }
                if (startNewWindow(key, end, newEnd)) {
                    return new Reservation(true, 1, newEnd);
                }
            }
        } catch (SdkException e) {
            throw AwsCalls.failure("count a login attempt", e);
        }
        throw new StoreException("aws store: too much contention counting login attempts under one key", null);
    }

    /** Either the reservation it granted, or the item as it stood when the condition failed (null if gone). */
    private record CountOrCurrent(Reservation granted, Map<String, AttributeValue> current) {}

    private CountOrCurrent countInOpenWindow(ThrottleKey key, Instant now, Instant newEnd, int limit) {
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(update -> update.tableName(table)
                            .key(key(key))
                            // A missing counter starts here at 1 in a new window.
                            .updateExpression("SET attempts = if_not_exists(attempts, :zero) + :one, "
                                    + "window_end = if_not_exists(window_end, :end), "
                                    + EXPIRES_AT + " = if_not_exists(" + EXPIRES_AT + ", :ttl)")
                            .conditionExpression(
                                    "attribute_not_exists(" + KEY + ") OR (window_end > :now AND attempts < :limit)")
                            .expressionAttributeValues(Map.of(
                                    ":zero", n(0),
                                    ":one", n(1),
                                    ":end", n(newEnd.toEpochMilli()),
                                    ":ttl", n(epochSecondsRoundedUp(newEnd)),
                                    ":now", n(now.toEpochMilli()),
                                    ":limit", n(limit)))
                            .returnValues(ReturnValue.ALL_NEW)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                    .attributes();
            return new CountOrCurrent(
                    new Reservation(
                            true,
                            Math.toIntExact(Items.number(updated, "attempts")),
                            Instant.ofEpochMilli(Items.number(updated, "window_end"))),
                    null);
        } catch (ConditionalCheckFailedException fullOrEnded) {
            // DynamoDB returns the item that failed the condition; a stand-in that does not is asked.
            Map<String, AttributeValue> current = fullOrEnded.hasItem()
                    ? fullOrEnded.item()
                    : Items.get(dynamoDb, table, key(key), "read a login counter")
                            .orElse(null);
            return new CountOrCurrent(null, current);
        }
    }

    /** Replaces the counter whose window ended at {@code ended} by a new one holding this attempt. */
    private boolean startNewWindow(ThrottleKey key, Instant ended, Instant newEnd) {
        Map<String, AttributeValue> item = Map.of(
                KEY,
                s(key.value()),
                "attempts",
                n(1),
                "window_end",
                n(newEnd.toEpochMilli()),
                EXPIRES_AT,
                n(epochSecondsRoundedUp(newEnd)));
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(item)
                    .conditionExpression("window_end = :ended")
                    .expressionAttributeValues(Map.of(":ended", n(ended.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException anotherWriterWasFirst) {
            return false;
        }
    }

    @Override
    public void release(ThrottleKey key, Reservation granted) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(key(key))
                    .updateExpression("SET attempts = attempts - :one")
                    .conditionExpression("window_end = :end AND attempts > :zero")
                    .expressionAttributeValues(Map.of(
                            ":one",
                            n(1),
                            ":zero",
                            n(0),
                            ":end",
                            n(granted.windowEnd().toEpochMilli()))));
        } catch (ConditionalCheckFailedException endedClearedOrReplaced) {
            // nothing to give back
        } catch (SdkException e) {
            throw AwsCalls.failure("give back a login attempt", e);
        }
    }

    @Override
    public void clear(ThrottleKey key) {
        AwsCalls.run(
                "clear a login counter",
                () -> dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(key))));
    }

    /** TTL must not drop a window before it ends. */
    private static long epochSecondsRoundedUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    private static Map<String, AttributeValue> key(ThrottleKey key) {
        return Map.of(KEY, s(key.value()));
    }
}
