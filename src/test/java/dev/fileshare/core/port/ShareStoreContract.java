package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shares, run with the same store's blobs: a grantee's listing shows each shared file's current entry. */
public abstract class ShareStoreContract {
    protected abstract ShareStore store();

    /** The blob store of the same store: the files that are shared. */
    protected abstract BlobStore blobs();

    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final Username CAROL = new Username("carol");

    private static FileKey key(Username owner, String name) {
        return new FileKey(owner, new FileName(name));
    }

    private FileVersion write(Username owner, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return blobs().write(key(owner, name), new ByteArrayInputStream(bytes), bytes.length, WriteCondition.ALWAYS)
                .entry();
    }

    private List<FileVersion> sharedWith(Username grantee) {
        return store().sharedWith(grantee, Optional.empty(), Integer.MAX_VALUE);
    }

    @Test
    void grantsAndListsBothWays() throws IOException {
        FileVersion a = write(ALICE, "a.txt", "a");
        FileVersion c = write(CAROL, "c.txt", "c");
        store().grant(a, BOB);
        store().grant(a, CAROL);
        store().grant(c, BOB);

        assertThat(sharedWith(BOB)).containsExactly(a, c);
        assertThat(store().grantees(key(ALICE, "a.txt"))).containsExactlyInAnyOrder(BOB, CAROL);
        assertThat(store().isGranted(key(ALICE, "a.txt"), BOB)).isTrue();
        assertThat(store().isGranted(key(ALICE, "a.txt"), ALICE)).isFalse();
    }

    @Test
    void grantingTwiceIsANoOp() throws IOException {
        FileVersion twice = write(ALICE, "twice.txt", "2");
        store().grant(twice, BOB);
        store().grant(twice, BOB);

        assertThat(store().grantees(key(ALICE, "twice.txt"))).containsExactly(BOB);
        assertThat(sharedWith(BOB)).containsExactly(twice);
    }

    @Test
    void revokesOneGrant() throws IOException {
        FileVersion r = write(ALICE, "r.txt", "r");
        store().grant(r, BOB);
        store().grant(r, CAROL);

        assertThat(store().revoke(key(ALICE, "r.txt"), BOB)).isTrue();
        assertThat(store().revoke(key(ALICE, "r.txt"), BOB)).isFalse();
        assertThat(store().isGranted(key(ALICE, "r.txt"), BOB)).isFalse();
        assertThat(store().grantees(key(ALICE, "r.txt"))).containsExactly(CAROL);
        assertThat(sharedWith(BOB)).isEmpty();
    }

    @Test
    void revokesEveryGrantOfAFile() throws IOException {
        FileVersion gone = write(ALICE, "gone.txt", "g");
        FileVersion kept = write(ALICE, "kept.txt", "k");
        store().grant(gone, BOB);
        store().grant(gone, CAROL);
        store().grant(kept, BOB);

        store().revokeAll(key(ALICE, "gone.txt"));

        assertThat(store().grantees(key(ALICE, "gone.txt"))).isEmpty();
        assertThat(sharedWith(BOB)).containsExactly(kept);
    }

    @Test
    void nothingIsSharedThatWasNotGranted() throws IOException {
        FileVersion one = write(ALICE, "one.txt", "1");
        store().grant(one, BOB);

        assertThat(sharedWith(CAROL)).isEmpty();
        assertThat(store().grantees(key(ALICE, "other.txt"))).isEmpty();
        assertThat(store().isGranted(key(ALICE, "other.txt"), BOB)).isFalse();
        assertThat(store().revoke(key(ALICE, "one.txt"), CAROL)).isFalse();
        assertThat(store().isGranted(key(ALICE, "one.txt"), BOB)).isTrue();
    }

    @Test
    void keepsOddNamesApart() throws IOException {
        // "a/b" owned by x could be confused with "b" owned by "x/a" if keys were only concatenated.
        FileVersion odd = write(new Username("x"), "a b ü 😀.txt", "odd");
        store().grant(odd, BOB);

        assertThat(sharedWith(BOB)).containsExactly(odd);
    }

    @Test
    void listsInKeyOrderAcrossOwnersAPageAfterAKey() throws IOException {
        // Key order is "<owner>/<file_name>" in code points: "x-y/..." comes before "x/..." ('-' < '/').
        FileVersion x2 = write(new Username("x"), "2", "x2");
        FileVersion xy1 = write(new Username("x-y"), "1", "xy1");
        FileVersion x1 = write(new Username("x"), "1", "x1");
        FileVersion a9 = write(new Username("a"), "9", "a9");
        for (FileVersion version : List.of(x2, xy1, x1, a9)) {
            store().grant(version, BOB);
        }

        assertThat(sharedWith(BOB)).containsExactly(a9, xy1, x1, x2);
        assertThat(store().sharedWith(BOB, Optional.empty(), 2)).containsExactly(a9, xy1);
        assertThat(store().sharedWith(BOB, Optional.of(xy1.key()), 2)).containsExactly(x1, x2);
        assertThat(store().sharedWith(BOB, Optional.of(x2.key()), 2)).isEmpty();
    }

    @Test
    void listsARefreshedFileAsItsNewVersion() throws IOException {
        FileVersion first = write(ALICE, "f.txt", "first");
        store().grant(first, BOB);
        FileVersion second = write(ALICE, "f.txt", "second, longer");

        store().refresh(second);

        assertThat(sharedWith(BOB)).containsExactly(second);
        assertThat(second.size()).isNotEqualTo(first.size());
    }

    @Test
    void aRefreshBringsNoRevokedShareBack() throws IOException {
        FileVersion file = write(ALICE, "once.txt", "once");
        store().grant(file, BOB);
        store().revoke(file.key(), BOB);

        store().refresh(write(ALICE, "once.txt", "again"));

        assertThat(store().isGranted(file.key(), BOB)).isFalse();
        assertThat(sharedWith(BOB)).isEmpty();
    }
}
