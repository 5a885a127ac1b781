package dev.fileshare.store.aws;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing DynamoDB items and their attribute maps. */
final class Items {
    private Items() {}

    /** The item under {@code key}, read consistently (so a write just made is seen); empty when there is none. */
    static Optional<Map<String, AttributeValue>> get(
            DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> key, String what) {
        Map<String, AttributeValue> item = AwsCalls.call(
                what,
                () -> dynamoDb.getItem(get -> get.tableName(table).key(key).consistentRead(true))
                        .item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("item lacks the string attribute " + name);
        }
        return value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("item lacks the number attribute " + name);
        }
        return Long.parseLong(value.n());
    }
}
