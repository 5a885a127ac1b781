package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.CAROL;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileExistsException;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.port.StoredVersion;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees and restores which versions, and what a restore and the trash do to shares. */
class FileVersionsTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;
    private FileVersion first;

    @BeforeEach
    void aSharedFileWithAnOlderVersion() throws IOException {
        first = fixture.upload(ALICE, "a.txt", "first");
        fixture.upload(ALICE, "a.txt", "second");
        files.share(ALICE, name("a.txt"), BOB);
    }

    @Test
    void aGranteeListsAndReadsTheVersionsAndOthersSeeNothing() throws IOException {
        List<StoredVersion> versions = files.versions(BOB, ALICE, name("a.txt"));

        assertThat(versions).hasSize(2);
        FileContent older =
                files.openVersion(BOB, ALICE, name("a.txt"), versions.get(1).version(), "bytes=1-2", v -> true);
        assertThat(FileServiceFixture.text(older)).isEqualTo("ir");
        assertThat(older.entry()).isEqualTo(first);
        assertThatThrownBy(() -> files.versions(CAROL, ALICE, name("a.txt"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> files.openVersion(
                        CAROL, ALICE, name("a.txt"), versions.get(1).version(), null, v -> true))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownVersionIs404NamingIt() {
        assertThatThrownBy(() -> files.describeVersion(ALICE, ALICE, name("a.txt"), "nope"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No version 'nope' of file 'a.txt' of 'alice'.");
    }

    @Test
    void onlyTheOwnerRestoresAndTheSharesStay() throws IOException {
        String older = files.versions(ALICE, ALICE, name("a.txt")).get(1).version();

        assertThatThrownBy(() -> files.restoreVersion(BOB, name("a.txt"), older))
                .isInstanceOf(NotFoundException.class);
        FileVersion restored = files.restoreVersion(ALICE, name("a.txt"), older);

        assertThat(restored.etag()).isNotEqualTo(first.etag());
        assertThat(fixture.read(BOB, ALICE, "a.txt")).isEqualTo("first");
        assertThat(files.versions(ALICE, ALICE, name("a.txt"))).hasSize(3);
    }

    @Test
    void theTrashTakesTheSharesAwayAndARestoreDoesNotBringThemBack() throws IOException {
        files.delete(ALICE, name("a.txt"));
        assertThat(files.trash(ALICE)).hasSize(1);

        FileVersion back = files.restoreFromTrash(ALICE, name("a.txt"));

        assertThat(fixture.read(ALICE, ALICE, "a.txt")).isEqualTo("second");
        assertThat(back.size()).isEqualTo(6);
        assertThatThrownBy(() -> fixture.read(BOB, ALICE, "a.txt")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> files.restoreFromTrash(ALICE, name("a.txt")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No file 'a.txt' in your trash.");
    }

    @Test
    void aRestoreFromTheTrashOverAFileOfThatNameIsAConflict() throws IOException {
        files.delete(ALICE, name("a.txt"));
        fixture.upload(ALICE, "a.txt", "new");

        assertThatThrownBy(() -> files.restoreFromTrash(ALICE, name("a.txt"))).isInstanceOf(FileExistsException.class);
        files.purge(ALICE, name("a.txt"));
        assertThatThrownBy(() -> files.purge(ALICE, name("a.txt"))).isInstanceOf(NotFoundException.class);
        assertThat(fixture.read(ALICE, ALICE, "a.txt")).isEqualTo("new");
    }
}
