package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.store.local.LocalStore;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /file's answer behind a gateway, for a file in the real local store (files on disk, SQLite). */
class FileDownloadsTest {
    private static final Username ALICE = new Username("alice");
    private static final FileName NAME = new FileName("two-kb.bin");
    private static final int SIZE = 2_000;
    private static final DownloadConditions UNCONDITIONAL = new DownloadConditions(header -> null);
    private static final FileDownloads.Delivery IGNORED = (bytesSent, complete) -> {};

    @TempDir
    Path dataDir;

    private Stores stores;
    private FileService files;

    @BeforeEach
    void open() throws IOException {
        stores = LocalStore.open(dataDir, Clock.systemUTC());
        stores.users().createIfAbsent(new UserAccount(ALICE, "$argon2id$unused", Instant.EPOCH));
        files = new FileService(stores.blobs(), stores.shares(), stores.links(), stores.users());
        files.upload(ALICE, NAME, new ByteArrayInputStream(new byte[SIZE]), SIZE, WriteCondition.ALWAYS);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void aFileLargerThanTheGatewayCarriesIsAConflictNamingTheDownloadUrlAndItsStreamIsClosed() throws IOException {
        Closing stream = new Closing(files.open(ALICE, ALICE, NAME, null));

        Response answer = FileDownloads.response(
                stream.content(),
                false,
                UNCONDITIONAL,
                WantedDigests.NONE,
                new RequestStreams(),
                new GatewayLimit(1_000),
                IGNORED);

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(((Problem) answer.getEntity()).detail())
                .contains("The answer would be 2000 bytes, over the 1000 bytes")
                .contains("GET /file/download-url");
        assertThat(stream.closed).as("the file's stream is closed").isTrue();
    }

    @Test
    void itsBase64FormCountsAsWhatIsSent() throws IOException {
        // 2000 bytes are 2668 characters of Base64: over a gateway that would carry the raw bytes.
        Response answer = FileDownloads.response(
                files.open(ALICE, ALICE, NAME, null),
                true,
                UNCONDITIONAL,
                WantedDigests.NONE,
                new RequestStreams(),
                new GatewayLimit(2_500),
                IGNORED);

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(((Problem) answer.getEntity()).detail()).contains("would be 2668 bytes");
    }

    @Test
    void aRangeThatFitsIsAnsweredAndSoIsEverythingWithoutAGateway() throws IOException {
        Response range = FileDownloads.response(
                files.open(ALICE, ALICE, NAME, "bytes=0-999"),
                false,
                UNCONDITIONAL,
                WantedDigests.NONE,
                new RequestStreams(),
                new GatewayLimit(1_000),
                IGNORED);
        Response whole = FileDownloads.response(
                files.open(ALICE, ALICE, NAME, null),
                false,
                UNCONDITIONAL,
                WantedDigests.NONE,
                new RequestStreams(),
                GatewayLimit.NONE,
                IGNORED);

        assertThat(range.getStatus()).isEqualTo(206);
        assertThat(range.getHeaderString("Content-Length")).isEqualTo("1000");
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(whole.getHeaderString("Content-Length")).isEqualTo(String.valueOf(SIZE));
    }

    @Test
    void aWholeFileCarriesItsReprDigestAndAContentDigestWhenAsked() throws IOException {
        String sha256 = "sha-256=:" + Base64.getEncoder().encodeToString(sha256Of(new byte[SIZE])) + ":";

        Response plain = answer(null, false, WantedDigests.NONE);
        Response asked = answer(null, false, wanting("sha-256=10", "sha-256=3, sha-512=10"));

        assertThat(plain.getHeaderString("Repr-Digest")).isEqualTo(sha256);
        assertThat(plain.getHeaderString("Content-Digest")).isNull();
        assertThat(asked.getHeaderString("Repr-Digest")).isEqualTo(sha256);
        assertThat(asked.getHeaderString("Content-Digest")).isEqualTo(sha256);
        assertThat(FileDownloads.head(files.describe(ALICE, ALICE, NAME), false, UNCONDITIONAL)
                        .getHeaderString("Repr-Digest"))
                .isEqualTo(sha256);
    }

    @Test
    void aRangeCarriesTheWholeFilesReprDigestOnlyWhenAskedAndNeverAContentDigest() throws IOException {
        String sha256 = "sha-256=:" + Base64.getEncoder().encodeToString(sha256Of(new byte[SIZE])) + ":";

        Response plain = answer("bytes=0-9", false, WantedDigests.NONE);
        Response asked = answer("bytes=0-9", false, wanting("sha-256=1", "sha-256=1"));
        Response notWanted = answer("bytes=0-9", false, wanting("sha-256=0", "sha-256=0"));

        assertThat(plain.getStatus()).isEqualTo(206);
        assertThat(plain.getHeaderString("Repr-Digest")).isNull();
        assertThat(asked.getHeaderString("Repr-Digest")).isEqualTo(sha256);
        assertThat(asked.getHeaderString("Content-Digest")).isNull();
        assertThat(notWanted.getHeaderString("Repr-Digest")).isNull();
    }

    @Test
    void theBase64FormCarriesNoDigestOfTheRawBytes() throws IOException {
        Response base64 = answer(null, true, wanting("sha-256=1", "sha-256=1"));

        assertThat(base64.getHeaderString("Repr-Digest")).isNull();
        assertThat(base64.getHeaderString("Content-Digest")).isNull();
    }

    private Response answer(String range, boolean base64, WantedDigests wanted) throws IOException {
        return FileDownloads.response(
                files.open(ALICE, ALICE, NAME, range),
                base64,
                UNCONDITIONAL,
                wanted,
                new RequestStreams(),
                GatewayLimit.NONE,
                IGNORED);
    }

    private static WantedDigests wanting(String repr, String content) {
        return WantedDigests.of(header ->
                header.equals("Want-Repr-Digest") ? repr : header.equals("Want-Content-Digest") ? content : null);
    }

    private static byte[] sha256Of(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content with a stream that remembers being closed. */
    private static final class Closing extends FilterInputStream {
        private final FileContent opened;
        private boolean closed;

        Closing(FileContent opened) {
            super(opened.stream());
            this.opened = opened;
        }

        FileContent content() {
            return new FileContent(opened.entry(), opened.range(), opened.partial(), this);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
