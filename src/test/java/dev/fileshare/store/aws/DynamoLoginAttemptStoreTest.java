package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.ThrottleKey;
import dev.fileshare.tools.AwsStandIns;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** What the contract cannot see: the counters' time to live, and a table left with the old key. */
@ExtendWith(AwsStandInsExtension.class)
class DynamoLoginAttemptStoreTest {
    private static final ThrottleKey KEY = ThrottleKey.username(new Username("alice"));

    @Test
    void aCounterExpiresByTimeToLiveNoSoonerThanItsWindowEnds(AwsStandIns standIns) {
        AwsSettings config = TestResources.fresh(standIns);
        try (Stores aws = AwsStore.open(config, Duration.ofMinutes(15));
                AwsClients clients = AwsClients.create(config)) {
            Instant now = Instant.parse("2026-11-24T10:00:00.250Z");
            aws.loginAttempts().reserve(KEY, now, Duration.ofMinutes(15), 5);

            Map<String, AttributeValue> item = clients.dynamoDb()
                    .getItem(get -> get.tableName(config.tables().loginAttempts())
                            .key(Map.of(DynamoLoginAttemptStore.KEY, AttributeValue.fromS(KEY.value())))
                            .consistentRead(true))
                    .item();
            Instant windowEnd = now.plus(Duration.ofMinutes(15));
            assertThat(Items.number(item, "window_end")).isEqualTo(windowEnd.toEpochMilli());
            assertThat(Items.number(item, "expires_at")).isEqualTo(windowEnd.getEpochSecond() + 1);
        }
    }

    @Test
    void refusesALoginTableWithAnotherKeyNamingIt(AwsStandIns standIns) {
        AwsSettings config = TestResources.fresh(standIns);
        try (AwsClients clients = AwsClients.create(config)) {
            clients.dynamoDb()
                    .createTable(create -> create.tableName(config.tables().loginAttempts())
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(
                                    a -> a.attributeName("username").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("username").keyType(KeyType.HASH)));
        }

        assertThatThrownBy(() -> AwsStore.open(config, Duration.ofMinutes(15)).close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(config.tables().loginAttempts())
                .hasMessageContaining(DynamoLoginAttemptStore.KEY);
    }
}
