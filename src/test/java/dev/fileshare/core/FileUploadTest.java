package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.key;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.DigestMismatchException;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Uploads: a new file starts with no shares, whatever grant raced in; a replaced one keeps its shares. */
class FileUploadTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;

    @Test
    void aStrayGrantOnARecreatedNameIsCleared() throws IOException {
        FileVersion first = fixture.upload(ALICE, "a.txt", "first");
        files.delete(ALICE, name("a.txt"));
        // A share that raced with the delete: granted after the delete revoked the file's shares.
        fixture.shares.grant(first, BOB);

        BlobStore.WriteResult recreated = upload("a.txt", "second", WriteCondition.ALWAYS);

        assertThat(recreated.created()).isTrue();
        assertThat(fixture.shares.grantees(key(ALICE, "a.txt"))).isEmpty();
        assertThat(fixture.sharedWith(BOB)).isEmpty();
        assertThatThrownBy(() -> fixture.read(BOB, ALICE, "a.txt")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUploadWhoseContentIsNotTheAnnouncedDigestChangesNothingAndNamesBothDigests() throws IOException {
        FileVersion first = fixture.upload(ALICE, "a.txt", "first");
        Sha256Digest announced = Sha256Digest.ofContent(bytes("meant"));
        Sha256Digest actual = Sha256Digest.ofContent(bytes("other"));

        for (long length : new long[] {5, -1}) {
            assertThatThrownBy(() -> files.upload(
                            ALICE,
                            name("a.txt"),
                            new ByteArrayInputStream(bytes("other")),
                            length,
                            WriteCondition.ALWAYS,
                            java.util.Optional.of(announced)))
                    .isInstanceOfSatisfying(DigestMismatchException.class, e -> {
                        assertThat(e.expected()).isEqualTo(announced);
                        assertThat(e.actual()).isEqualTo(actual);
                        assertThat(e.getMessage())
                                .contains(announced.toString())
                                .contains(actual.toString());
                    });
        }
        assertThatThrownBy(() -> files.upload(
                        ALICE,
                        name("empty.txt"),
                        new ByteArrayInputStream(new byte[0]),
                        0,
                        WriteCondition.ALWAYS,
                        java.util.Optional.of(announced)))
                .isInstanceOf(DigestMismatchException.class);

        assertThat(files.describe(ALICE, ALICE, name("a.txt"))).isEqualTo(first);
        assertThat(files.list(ALICE)).extracting(FileVersion::key).containsExactly(key(ALICE, "a.txt"));
        FileVersion meant = files.upload(
                        ALICE,
                        name("a.txt"),
                        new ByteArrayInputStream(bytes("meant")),
                        5,
                        WriteCondition.ALWAYS,
                        java.util.Optional.of(announced))
                .entry();
        assertThat(meant.sha256()).contains(announced);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReplacedFileKeepsItsShares() throws IOException {
        fixture.upload(ALICE, "a.txt", "first");
        files.share(ALICE, name("a.txt"), BOB);

        BlobStore.WriteResult replaced = upload("a.txt", "second", WriteCondition.ALWAYS);

        assertThat(replaced.created()).isFalse();
        assertThat(fixture.read(BOB, ALICE, "a.txt")).isEqualTo("second");
    }

    @Test
    void aGranteeListsTheReplacedFileAsItsNewVersion() throws IOException {
        fixture.upload(ALICE, "a.txt", "first");
        files.share(ALICE, name("a.txt"), BOB);
        fixture.clock.advance(Duration.ofSeconds(2));

        BlobStore.WriteResult replaced = upload("a.txt", "second, longer", WriteCondition.ALWAYS);

        assertThat(files.list(BOB)).containsExactly(replaced.entry());
    }

    @Test
    void theStoreChecksTheWriteCondition() throws IOException {
        upload("a.txt", "first", WriteCondition.ONLY_IF_ABSENT);

        assertThatThrownBy(() -> upload("a.txt", "second", WriteCondition.ONLY_IF_ABSENT))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(fixture.read(ALICE, ALICE, "a.txt")).isEqualTo("first");
    }

    private BlobStore.WriteResult upload(String file, String content, WriteCondition condition) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return files.upload(ALICE, name(file), new ByteArrayInputStream(bytes), bytes.length, condition);
    }
}
