package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Usage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What an owner stores: their own files, with the older versions and the trash kept of them. */
class FileUsageTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;

    @Test
    void countsTheOwnersFilesWithTheirKeptVersionsAndTrashButNotFilesSharedWithThem() throws IOException {
        assertThat(files.usage(ALICE)).isEqualTo(new Usage(0, 0));
        fixture.upload(ALICE, "a.txt", "hello");
        fixture.upload(ALICE, "a.txt", "hello, world");
        fixture.upload(ALICE, "b.txt", "bb");
        fixture.upload(BOB, "c.txt", "shared with alice");
        files.share(BOB, name("c.txt"), ALICE);

        // "hello, world" and "bb", and "hello" kept as a.txt's older version
        assertThat(files.usage(ALICE)).isEqualTo(new Usage(2, 19));
        files.delete(ALICE, name("b.txt"));
        assertThat(files.usage(ALICE)).as("in the trash, b.txt still counts").isEqualTo(new Usage(1, 19));
        files.purge(ALICE, name("b.txt"));
        assertThat(files.usage(ALICE)).isEqualTo(new Usage(1, 17));
    }

    @Test
    void addsUpEveryPageOfAManyFiledOwner() throws IOException {
        // One more than a page: the last file is on a page of its own.
        for (int i = 0; i < 1001; i++) {
            fixture.upload(ALICE, String.format("f%04d.txt", i), "x".repeat(i % 3));
        }

        assertThat(files.usage(ALICE)).isEqualTo(new Usage(1001, 1000));
    }
}
