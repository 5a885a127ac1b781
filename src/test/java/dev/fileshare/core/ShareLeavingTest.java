package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.CAROL;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.NotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A grantee leaves a share: the file leaves their list and their reach, and the answer reveals nothing. */
class ShareLeavingTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;
    private FileVersion shared;

    @BeforeEach
    void aliceSharesAFileWithBobAndCarol() throws IOException {
        shared = fixture.upload(ALICE, "a.txt", "alice's");
        files.share(ALICE, name("a.txt"), BOB);
        files.share(ALICE, name("a.txt"), CAROL);
    }

    @Test
    void aGranteeWhoLeavesNoLongerListsNorReadsTheFile() {
        files.leave(BOB, ALICE, name("a.txt"));

        assertThat(files.list(BOB)).isEmpty();
        assertThatThrownBy(() -> fixture.read(BOB, ALICE, "a.txt")).isInstanceOf(NotFoundException.class);
        assertThat(files.grantees(ALICE, name("a.txt"))).containsExactly(CAROL);
        assertThat(files.list(CAROL)).containsExactly(shared);
    }

    @Test
    void leavingIsIdempotentAndTheSameForFilesNeverSharedOrNeverWritten() {
        files.leave(BOB, ALICE, name("a.txt"));

        assertThatCode(() -> files.leave(BOB, ALICE, name("a.txt"))).doesNotThrowAnyException();
        assertThatCode(() -> files.leave(BOB, CAROL, name("a.txt"))).doesNotThrowAnyException();
        assertThatCode(() -> files.leave(BOB, ALICE, name("never-written.txt"))).doesNotThrowAnyException();
    }

    @Test
    void theOwnerCannotLeaveTheirOwnFile() {
        assertThatThrownBy(() -> files.leave(ALICE, ALICE, name("a.txt")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("owner"));
        assertThat(files.grantees(ALICE, name("a.txt"))).containsExactly(BOB, CAROL);
        assertThat(files.list(ALICE)).containsExactly(shared);
    }
}
