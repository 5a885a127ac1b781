package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import dev.fileshare.tools.AwsStandIns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Share items written before shares carried the file's entry (only the keys, owner and file_name): a listing
 * completes them from S3 once and writes the entry back, and drops those of files that no longer exist.
 */
@ExtendWith(AwsStandInsExtension.class)
class LegacyShareItemsTest {
    private static final Username BOB = new Username("bob");
    private static final FileKey KEPT = new FileKey(new Username("alice"), new FileName("kept.txt"));
    private static final FileKey DELETED = new FileKey(new Username("alice"), new FileName("deleted.txt"));

    private AwsSettings config;
    private Stores aws;
    private AwsClients clients;

    @BeforeEach
    void open(AwsStandIns standIns) {
        config = TestResources.fresh(standIns);
        aws = AwsStore.open(config, Duration.ofMinutes(15));
        clients = AwsClients.create(config);
    }

    @AfterEach
    void close() {
        clients.close();
        aws.close();
    }

    @Test
    void aListingCompletesThemOnceAndDropsThoseOfDeletedFiles() throws IOException {
        FileVersion kept = aws.blobs()
                .write(KEPT, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, WriteCondition.ALWAYS)
                .entry();
        putLegacyItem(KEPT);
        putLegacyItem(DELETED);

        assertThat(aws.shares().sharedWith(BOB, Optional.empty(), 10)).containsExactly(kept);

        Map<String, AttributeValue> completed = item(KEPT);
        assertThat(completed.get("etag").s()).isEqualTo(kept.etag());
        assertThat(completed.get("size").n()).isEqualTo("3");
        assertThat(item(DELETED)).isEmpty();
        assertThat(aws.shares().sharedWith(BOB, Optional.empty(), 10)).containsExactly(kept);
    }

    private void putLegacyItem(FileKey key) {
        clients.dynamoDb()
                .putItem(put -> put.tableName(config.tables().shares())
                        .item(Map.of(
                                "grantee", AttributeValue.fromS(BOB.value()),
                                "file_key", AttributeValue.fromS(key.value()),
                                "owner", AttributeValue.fromS(key.owner().value()),
                                "file_name", AttributeValue.fromS(key.fileName().value()))));
    }

    private Map<String, AttributeValue> item(FileKey key) {
        return clients.dynamoDb()
                .getItem(get -> get.tableName(config.tables().shares())
                        .key(Map.of(
                                "grantee", AttributeValue.fromS(BOB.value()),
                                "file_key", AttributeValue.fromS(key.value())))
                        .consistentRead(true))
                .item();
    }
}
