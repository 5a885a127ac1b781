package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.CAROL;
import static dev.fileshare.core.FileServiceFixture.key;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileVersion;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The listing: the caller's own files, then those shared with them, each part by key in code-point order. */
class FileListingTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;

    @Test
    void listsOwnFilesThenSharedOnesEachByKeyInCodePointOrder() throws IOException {
        // U+FF61 sorts before U+1F600 by code point, after it in UTF-16 (whose surrogates start at U+D800).
        for (String own : new String[] {"b.txt", "\uFF61.txt", "a.txt", "😀.txt", "B.txt"}) {
            fixture.upload(ALICE, own, own);
        }
        fixture.upload(CAROL, "a.txt", "carol's");
        fixture.upload(BOB, "z.txt", "bob's");
        files.share(CAROL, name("a.txt"), ALICE);
        files.share(BOB, name("z.txt"), ALICE);

        assertThat(files.list(ALICE))
                .extracting(FileVersion::key)
                .containsExactly(
                        key(ALICE, "B.txt"),
                        key(ALICE, "a.txt"),
                        key(ALICE, "b.txt"),
                        key(ALICE, "\uFF61.txt"),
                        key(ALICE, "😀.txt"),
                        key(BOB, "z.txt"),
                        key(CAROL, "a.txt"));
    }

    @Test
    void listsTheCurrentVersionOfEachFile() throws IOException {
        fixture.upload(ALICE, "mine.txt", "old");
        FileVersion mine = fixture.upload(ALICE, "mine.txt", "newer");
        FileVersion shared = fixture.upload(BOB, "theirs.txt", "bob's");
        files.share(BOB, name("theirs.txt"), ALICE);

        assertThat(files.list(ALICE)).containsExactly(mine, shared);
    }

    @Test
    void listsNothingForAUserWithoutFiles() throws IOException {
        fixture.upload(BOB, "bob.txt", "bob's");

        assertThat(files.list(CAROL)).isEmpty();
    }
}
