package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.CAROL;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.NotFoundException;
import java.io.IOException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Who may read what: the owner and the users it shares a file with; everyone else gets the 404 of no file. */
class FileAccessTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;

    @Test
    void theOwnerReadsAndDescribesTheirFile() throws IOException {
        FileVersion written = fixture.upload(ALICE, "a.txt", "alice's");

        assertThat(files.describe(ALICE, ALICE, name("a.txt"))).isEqualTo(written);
        assertThat(fixture.read(ALICE, ALICE, "a.txt")).isEqualTo("alice's");
    }

    @Test
    void aGranteeReadsTheSharedFileAndNoOtherOfTheOwners() throws IOException {
        FileVersion shared = fixture.upload(ALICE, "shared.txt", "for bob");
        fixture.upload(ALICE, "private.txt", "for alice");
        files.share(ALICE, name("shared.txt"), BOB);

        assertThat(files.describe(BOB, ALICE, name("shared.txt"))).isEqualTo(shared);
        assertThat(fixture.read(BOB, ALICE, "shared.txt")).isEqualTo("for bob");
        assertRefusedAsMissing(() -> files.describe(BOB, ALICE, name("private.txt")), "private.txt");
        assertRefusedAsMissing(() -> fixture.read(BOB, ALICE, "private.txt"), "private.txt");
    }

    @Test
    void aStrangerGetsTheSame404AsForAFileThatDoesNotExist() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");

        for (String file : new String[] {"a.txt", "never-written.txt"}) {
            assertRefusedAsMissing(() -> files.describe(CAROL, ALICE, name(file)), file);
            assertRefusedAsMissing(() -> fixture.read(CAROL, ALICE, file), file);
            assertRefusedAsMissing(() -> files.open(CAROL, ALICE, name(file), "bytes=0-1"), file);
        }
        assertRefusedAsMissing(() -> files.describe(ALICE, ALICE, name("never-written.txt")), "never-written.txt");
        assertRefusedAsMissing(() -> fixture.read(ALICE, ALICE, "never-written.txt"), "never-written.txt");
    }

    @Test
    void aRevokedGranteeIsAStrangerAgain() throws IOException {
        fixture.upload(ALICE, "a.txt", "alice's");
        files.share(ALICE, name("a.txt"), BOB);

        files.revoke(ALICE, name("a.txt"), BOB);

        assertRefusedAsMissing(() -> fixture.read(BOB, ALICE, "a.txt"), "a.txt");
    }

    private static void assertRefusedAsMissing(ThrowingCallable read, String file) {
        assertThatThrownBy(read)
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No file '" + file + "' of 'alice' that you may read.");
    }
}
