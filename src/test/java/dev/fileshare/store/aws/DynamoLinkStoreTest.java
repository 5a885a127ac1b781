package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.LinkId;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LinkAccess;
import dev.fileshare.core.port.StoredLink;
import dev.fileshare.core.port.Stores;
import dev.fileshare.tools.AwsStandIns;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the contract cannot see: a link and its log expire by time to live when the link is purged. */
@ExtendWith(AwsStandInsExtension.class)
class DynamoLinkStoreTest {

    @Test
    void aLinkAndItsLogExpireByTimeToLiveAtItsPurgeTime(AwsStandIns standIns) {
        AwsSettings config = TestResources.fresh(standIns);
        try (Stores aws = AwsStore.open(config, Duration.ofMinutes(15));
                AwsClients clients = AwsClients.create(config)) {
            LinkId id = LinkId.generate(new SecureRandom());
            Instant created = Instant.parse("2026-11-24T10:00:00Z");
            Instant purgeAt = created.plus(Duration.ofDays(37));
            aws.links()
                    .create(StoredLink.fresh(
                            id.handle(),
                            id.hash(),
                            new FileKey(new Username("alice"), new FileName("notes.txt")),
                            created,
                            created.plus(Duration.ofDays(7)),
                            purgeAt,
                            OptionalLong.empty(),
                            Optional.empty()));
            aws.links().recordAccess(id.handle(), new LinkAccess(created, "203.0.113.0/24", "", 200, 5), 10);

            List<Map<String, AttributeValue>> items = clients.dynamoDb()
                    .query(query -> query.tableName(config.tables().links())
                            .keyConditionExpression(DynamoTables.LINKS.partitionKey() + " = :handle")
                            .expressionAttributeValues(Map.of(
                                    ":handle", AttributeValue.fromS(id.handle().value())))
                            .consistentRead(true))
                    .items();
            assertThat(items)
                    .hasSize(2)
                    .allSatisfy(item -> assertThat(Items.number(
                                    item, DynamoTables.LINKS.timeToLive().orElseThrow()))
                            .isEqualTo(purgeAt.getEpochSecond()));
            assertThat(items.toString()).as("only the hash of the id is stored").doesNotContain(id.value());
        }
    }
}
