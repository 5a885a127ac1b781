package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.CAROL;
import static dev.fileshare.core.FileServiceFixture.DAVE;
import static dev.fileshare.core.FileServiceFixture.MALLORY;
import static dev.fileshare.core.FileServiceFixture.key;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.NotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Sharing one's own files: who it may be shared with, the list of grantees, and revoking. */
class FileSharingTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;

    @Test
    void sharingAFileWithItsOwnerIsRefusedAsBadInput() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");

        assertThatThrownBy(() -> files.share(ALICE, name("a.txt"), ALICE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("username", "cannot share a file with its owner")));
        assertThat(fixture.shares.grantees(key(ALICE, "a.txt"))).isEmpty();
    }

    @Test
    void sharingAFileThatDoesNotExistIs404() {
        assertThatThrownBy(() -> files.share(ALICE, name("none.txt"), BOB))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No file 'none.txt' of 'alice' that you may read.");
        assertThat(fixture.sharedWith(BOB)).isEmpty();
    }

    @Test
    void sharingWithAnUnknownUserIs404() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");

        assertThatThrownBy(() -> files.share(ALICE, name("a.txt"), MALLORY))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No user named 'mallory'.");
        assertThat(fixture.sharedWith(MALLORY)).isEmpty();
    }

    @Test
    void onlyTheOwnerSharesTheirFile() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");
        files.share(ALICE, name("a.txt"), BOB);

        // bob's share names bob's own "a.txt", which does not exist: he cannot pass alice's file on.
        assertThatThrownBy(() -> files.share(BOB, name("a.txt"), CAROL)).isInstanceOf(NotFoundException.class);
        assertThat(fixture.sharedWith(CAROL)).isEmpty();
    }

    @Test
    void listsTheGranteesSortedAndEachOnce() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");
        files.share(ALICE, name("a.txt"), CAROL);
        files.share(ALICE, name("a.txt"), BOB);
        files.share(ALICE, name("a.txt"), DAVE);
        files.share(ALICE, name("a.txt"), BOB);

        assertThat(files.grantees(ALICE, name("a.txt"))).containsExactly(BOB, CAROL, DAVE);
    }

    @Test
    void theGranteesOfAFileThatDoesNotExistAre404() {
        fixture.strayGrant(ALICE, "gone.txt", BOB);

        assertThatThrownBy(() -> files.grantees(ALICE, name("gone.txt"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void revokesOneGranteeAndKeepsTheOthers() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");
        files.share(ALICE, name("a.txt"), BOB);
        files.share(ALICE, name("a.txt"), CAROL);

        files.revoke(ALICE, name("a.txt"), BOB);
        files.revoke(ALICE, name("a.txt"), DAVE);

        assertThat(files.grantees(ALICE, name("a.txt"))).containsExactly(CAROL);
    }

    @Test
    void revokingOnAFileThatDoesNotExistIs404() {
        fixture.strayGrant(ALICE, "gone.txt", BOB);

        assertThatThrownBy(() -> files.revoke(ALICE, name("gone.txt"), BOB))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No file 'gone.txt' of 'alice' that you may read.");
    }
}
