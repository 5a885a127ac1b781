package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's listing number moves with every change their listing shows, and only then; run with the same store's blobs
 * and shares, by whose writes it must move. Skipped for a store that offers no numbers.
 */
public abstract class ListingVersionsContract {
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final Username CAROL = new Username("carol");

    /** The store's listing numbers, when it has them. */
    protected abstract Optional<ListingVersions> versions();

    protected abstract BlobStore blobs();

    protected abstract ShareStore shares();

    /** Every number each user has had in this test: a number that came back would pass a stale listing as current. */
    private final Set<String> seen = new HashSet<>();

    @BeforeEach
    void needsNumbers() {
        assumeTrue(versions().isPresent(), "this store keeps no listing numbers");
    }

    private long number(Username user) {
        return versions().orElseThrow().current(user);
    }

    /** Runs {@code change} and asserts that it moved {@code user}'s number to one they never had. */
    private void assertMoves(Username user, Change change) throws IOException {
        seen.add(user.value() + "=" + number(user));
        change.run();
        long after = number(user);
        assertThat(seen.add(user.value() + "=" + after))
                .as("%s's listing number after the change (%d) is one it had before", user, after)
                .isTrue();
    }

    private void assertStays(Username user, Change change) throws IOException {
        long before = number(user);
        change.run();
        assertThat(number(user)).isEqualTo(before);
    }

    private FileVersion write(Username owner, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return blobs().write(key(owner, name), new ByteArrayInputStream(bytes), bytes.length, WriteCondition.ALWAYS)
                .entry();
    }

    private static FileKey key(Username owner, String name) {
        return new FileKey(owner, new FileName(name));
    }

    @Test
    void movesWithEachChangeOfTheOwnersFiles() throws IOException {
        assertMoves(ALICE, () -> write(ALICE, "a.txt", "first"));
        assertMoves(ALICE, () -> write(ALICE, "a.txt", "second"));
        assertMoves(ALICE, () -> write(ALICE, "b.txt", "other"));
        assertMoves(ALICE, () -> blobs().delete(key(ALICE, "a.txt")));
        assertMoves(ALICE, () -> blobs().restoreFromTrash(key(ALICE, "a.txt")));
    }

    @Test
    void movesWithEachShareGrantedOrRevoked() throws IOException {
        FileVersion a = write(ALICE, "a.txt", "a");
        FileVersion c = write(CAROL, "c.txt", "c");

        assertMoves(BOB, () -> shares().grant(a, BOB));
        assertMoves(BOB, () -> shares().grant(c, BOB));
        assertMoves(BOB, () -> shares().revoke(a.key(), BOB));
        assertMoves(BOB, () -> shares().revokeAll(c.key()));
    }

    @Test
    void movesForEveryGranteeWhenTheSharedFileChanges() throws IOException {
        FileVersion shared = write(ALICE, "shared.txt", "v1");
        shares().grant(shared, BOB);
        shares().grant(shared, CAROL);

        for (Username grantee : new Username[] {BOB, CAROL}) {
            assertMoves(grantee, () -> write(ALICE, "shared.txt", "v2 by " + grantee));
        }
        assertMoves(BOB, () -> blobs().delete(shared.key()));
    }

    @Test
    void staysWhenNothingTheUserSeesChanges() throws IOException {
        FileVersion mine = write(ALICE, "mine.txt", "mine");
        FileVersion shared = write(ALICE, "shared.txt", "shared");
        shares().grant(shared, BOB);

        assertStays(BOB, () -> write(ALICE, "mine.txt", "still not shared"));
        assertStays(BOB, () -> write(CAROL, "c.txt", "carol's"));
        assertStays(ALICE, () -> {
            blobs().list(ALICE);
            blobs().find(mine.key());
            shares().sharedWith(BOB, Optional.empty(), 10);
            shares().isGranted(shared.key(), BOB);
        });
        assertStays(CAROL, () -> shares().grant(shared, BOB));
    }

    @FunctionalInterface
    private interface Change {
        void run() throws IOException;
    }
}
