package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.NotAvailableException;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Retention;
import dev.fileshare.tools.AwsStandIns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** The store asks the bucket once, at open, whether it keeps versions, and keeps none of its own when it does not. */
@ExtendWith(AwsStandInsExtension.class)
class S3BucketVersioningTest {
    private static final Username ALICE = new Username("alice");
    private static final FileKey NOTES = new FileKey(ALICE, new FileName("notes.txt"));

    private AwsSettings config;
    private AwsClients clients;

    @BeforeEach
    void createTheBucket(AwsStandIns standIns) {
        config = TestResources.fresh(standIns);
        // create-resources makes the bucket versioned, as the stack's is.
        AwsStore.open(config, Duration.ofMinutes(15)).close();
        clients = AwsClients.create(config);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void aVersionedBucketKeepsTheReplacedVersionAndTheDeletedFile() throws IOException {
        S3BlobStore store = open();
        write(store, "one");
        write(store, "two!");

        assertThat(store.versions(NOTES)).hasSize(2);
        store.delete(NOTES);
        assertThat(store.trash(ALICE)).hasSize(1);
        assertThat(store.usage(ALICE)).isEqualTo(new Usage(0, 7));
    }

    @Test
    void aBucketWhoseVersioningIsSuspendedHasNoOlderVersionsAndItsDeletesAreFinal() throws IOException {
        clients.s3()
                .putBucketVersioning(v -> v.bucket(config.bucket())
                        .versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED)));
        S3BlobStore store = open();
        write(store, "one");
        write(store, "two!");

        assertThatThrownBy(() -> store.versions(NOTES)).isInstanceOf(NotAvailableException.class);
        assertThatThrownBy(() -> store.findVersion(NOTES, "any")).isInstanceOf(NotAvailableException.class);
        assertThat(store.usage(ALICE)).isEqualTo(new Usage(1, 4));
        assertThat(store.delete(NOTES)).isTrue();
        assertThat(store.find(NOTES)).isEmpty();
        assertThat(store.trash(ALICE)).isEmpty();
        assertThat(store.restoreFromTrash(NOTES)).isEmpty();
        assertThat(store.purge(NOTES)).isFalse();
        assertThat(store.usage(ALICE)).isEqualTo(Usage.NONE);
    }

    private S3BlobStore open() {
        return S3BlobStore.open(clients.s3(), config.bucket(), Clock.systemUTC(), Retention.DEFAULT);
    }

    private static void write(S3BlobStore store, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.write(NOTES, new ByteArrayInputStream(bytes), bytes.length, WriteCondition.ALWAYS);
    }
}
