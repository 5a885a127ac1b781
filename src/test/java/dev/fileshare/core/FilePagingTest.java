package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.CAROL;
import static dev.fileshare.core.FileServiceFixture.key;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FilePage;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.ListCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages of a listing: alice's own a, b and c, then bob's x and carol's y shared with her. A page ends with a cursor
 * that names its part and its last key when more follows, and costs one or two store queries.
 */
class FilePagingTest {
    private final FileServiceFixture fixture = new FileServiceFixture();
    private final FileService files = fixture.files;

    @BeforeEach
    void ownThreeAndGetTwoShared() throws IOException {
        for (String own : new String[] {"c", "a", "b"}) {
            fixture.upload(ALICE, own, own);
        }
        fixture.upload(BOB, "x", "bob's");
        fixture.upload(CAROL, "y", "carol's");
        files.share(CAROL, name("y"), ALICE);
        files.share(BOB, name("x"), ALICE);
    }

    @Test
    void pagesOfTwoRunThroughTheOwnFilesIntoTheSharedOnes() {
        FilePage first = files.list(ALICE, Optional.empty(), 2);
        assertThat(keys(first)).containsExactly(key(ALICE, "a"), key(ALICE, "b"));
        assertThat(first.next()).contains(new ListCursor(ListCursor.Part.OWN, key(ALICE, "b")));

        FilePage second = files.list(ALICE, first.next(), 2);
        assertThat(keys(second)).containsExactly(key(ALICE, "c"), key(BOB, "x"));
        assertThat(second.next()).contains(new ListCursor(ListCursor.Part.SHARED, key(BOB, "x")));

        FilePage third = files.list(ALICE, second.next(), 2);
        assertThat(keys(third)).containsExactly(key(CAROL, "y"));
        assertThat(third.next()).isEmpty();
    }

    @Test
    void aPageThatEndsWithTheOwnFilesContinuesWithTheSharedOnes() {
        FilePage first = files.list(ALICE, Optional.empty(), 3);
        assertThat(keys(first)).containsExactly(key(ALICE, "a"), key(ALICE, "b"), key(ALICE, "c"));
        assertThat(first.next()).contains(new ListCursor(ListCursor.Part.OWN, key(ALICE, "c")));

        FilePage second = files.list(ALICE, first.next(), 3);
        assertThat(keys(second)).containsExactly(key(BOB, "x"), key(CAROL, "y"));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void aPageThatHoldsTheRestHasNoNext() {
        FilePage all = files.list(ALICE, Optional.empty(), 5);

        assertThat(all.entries()).isEqualTo(files.list(ALICE));
        assertThat(all.entries()).hasSize(5);
        assertThat(all.next()).isEmpty();
    }

    @Test
    void pagesOfOneWalkTheWholeListing() {
        List<FileVersion> walked = new ArrayList<>();
        Optional<ListCursor> next = Optional.empty();
        for (int page = 0; page < 10; page++) {
            FilePage one = files.list(ALICE, next, 1);
            assertThat(one.entries()).hasSize(1);
            walked.addAll(one.entries());
            next = one.next();
            if (next.isEmpty()) {
                break;
            }
        }

        assertThat(walked).isEqualTo(files.list(ALICE));
    }

    @Test
    void aCursorInTheSharedPartSkipsTheOwnFiles() {
        FilePage rest = files.list(ALICE, Optional.of(new ListCursor(ListCursor.Part.SHARED, key(BOB, "x"))), 10);

        assertThat(keys(rest)).containsExactly(key(CAROL, "y"));
        assertThat(fixture.blobs.listCalls()).isZero();
    }

    @Test
    void aPageTheOwnFilesFillAsksTheStoreOnceAndOneThatRunsOnTwice() {
        files.list(ALICE, Optional.empty(), 2);
        assertThat(fixture.blobs.listCalls()).isEqualTo(1);
        assertThat(fixture.shares.sharedWithCalls()).isZero();

        files.list(ALICE, Optional.empty(), 4);
        assertThat(fixture.blobs.listCalls()).isEqualTo(2);
        assertThat(fixture.shares.sharedWithCalls()).isEqualTo(1);
    }

    @Test
    void aPageHoldsAtLeastOneEntry() {
        assertThatThrownBy(() -> files.list(ALICE, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<FileKey> keys(FilePage page) {
        return page.entries().stream().map(FileVersion::key).toList();
    }
}
