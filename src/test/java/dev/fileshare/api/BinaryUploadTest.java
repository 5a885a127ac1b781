package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.api.telemetry.ServiceMetrics;
import dev.fileshare.core.FileService;
import dev.fileshare.core.model.ContentTooLargeException;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.store.local.LocalStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary upload's refusals behind a gateway, against the real local store (files on disk, SQLite). */
class BinaryUploadTest {
    private static final long BINARY_LIMIT = 1_000_000;
    private static final GatewayLimit GATEWAY = new GatewayLimit(1_000);
    private static final Username ALICE = new Username("alice");
    private static final FileName NAME = new FileName("big.bin");

    @TempDir
    Path dataDir;

    private Stores stores;
    private FileService files;

    @BeforeEach
    void open() {
        stores = LocalStore.open(dataDir, Clock.systemUTC());
        stores.users().createIfAbsent(new UserAccount(ALICE, "$argon2id$unused", Instant.EPOCH));
        files = new FileService(stores.blobs(), stores.shares(), stores.links(), stores.users());
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void anAnnouncedBodyOverTheGatewaysLimitIsRefusedBeforeItIsRead() throws Exception {
        InputStream body = new ByteArrayInputStream(new byte[2_000]);

        assertThatThrownBy(() -> store("2000", body, GATEWAY))
                .isInstanceOf(ContentTooLargeException.class)
                .hasMessageContaining("over the 1000 bytes the API gateway carries")
                .hasMessageContaining("POST /file/upload-url");
        assertThat(body.available()).as("nothing read").isEqualTo(2_000);
        assertNothingStored();
    }

    @Test
    void anUnannouncedBodyIsCutOffAtTheGatewaysLimit() {
        assertThatThrownBy(() -> store(null, new ByteArrayInputStream(new byte[5_000]), GATEWAY))
                .isInstanceOf(ContentTooLargeException.class)
                .hasMessageContaining("The body is larger, over the 1000 bytes the API gateway carries");
        assertNothingStored();
    }

    @Test
    void theBinaryLimitStillSpeaksForItselfWhenItIsTheLowerOne() {
        GatewayLimit roomy = new GatewayLimit(10 * BINARY_LIMIT);

        assertThatThrownBy(() -> store(null, new ByteArrayInputStream(new byte[(int) BINARY_LIMIT + 1]), roomy))
                .isInstanceOf(ContentTooLargeException.class)
                .hasMessage("The body is over the binary upload limit of 1000000 bytes.");
        assertNothingStored();
    }

    private void store(String contentLength, InputStream body, GatewayLimit gateway) throws Exception {
        BinaryUpload.store(
                files,
                ALICE,
                NAME,
                WriteCondition.ALWAYS,
                contentLength,
                body,
                java.util.Optional.empty(),
                BINARY_LIMIT,
                gateway,
                new ServiceMetrics());
    }

    private void assertNothingStored() {
        assertThat(files.list(ALICE)).isEmpty();
        for (String folder : new String[] {"blobs", "tmp"}) {
            try (var left = Files.walk(dataDir.resolve(folder))) {
                assertThat(left.filter(Files::isRegularFile))
                        .as("files left in " + folder)
                        .isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
