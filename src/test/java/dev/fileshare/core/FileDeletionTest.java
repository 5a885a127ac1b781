package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.CAROL;
import static dev.fileshare.core.FileServiceFixture.key;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.NotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Deleting one's own file takes every share of it along. */
class FileDeletionTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;

    @Test
    void deletesTheFileAndEveryShareOfIt() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");
        fixture.upload(ALICE, "kept.txt", "alice's too");
        files.share(ALICE, name("a.txt"), BOB);
        files.share(ALICE, name("a.txt"), CAROL);
        files.share(ALICE, name("kept.txt"), BOB);

        files.delete(ALICE, name("a.txt"));

        assertThat(fixture.blobs.find(key(ALICE, "a.txt"))).isEmpty();
        assertThat(fixture.sharedWith(BOB)).extracting(FileVersion::key).containsExactly(key(ALICE, "kept.txt"));
        assertThat(fixture.sharedWith(CAROL)).isEmpty();
    }

    @Test
    void deletingAFileThatDoesNotExistIs404() {
        assertThatThrownBy(() -> files.delete(ALICE, name("none.txt")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No file 'none.txt' of 'alice' that you may read.");
    }

    @Test
    void aGranteeCannotDeleteTheOwnersFile() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");
        files.share(ALICE, name("a.txt"), BOB);

        assertThatThrownBy(() -> files.delete(BOB, name("a.txt"))).isInstanceOf(NotFoundException.class);
        assertThat(fixture.read(BOB, ALICE, "a.txt")).isEqualTo("alice's");
    }
}
