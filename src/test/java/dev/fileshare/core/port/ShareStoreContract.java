package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import org.junit.jupiter.api.Test;

public abstract class ShareStoreContract {
    protected abstract ShareStore store();

    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final Username CAROL = new Username("carol");

    private static FileKey key(Username owner, String name) {
        return new FileKey(owner, new FileName(name));
    }

    @Test
    void grantsAndListsBothWays() {
        store().grant(key(ALICE, "a.txt"), BOB);
        store().grant(key(ALICE, "a.txt"), CAROL);
        store().grant(key(CAROL, "c.txt"), BOB);

        assertThat(store().sharedWith(BOB)).containsExactlyInAnyOrder(key(ALICE, "a.txt"), key(CAROL, "c.txt"));
        assertThat(store().grantees(key(ALICE, "a.txt"))).containsExactlyInAnyOrder(BOB, CAROL);
        assertThat(store().isGranted(key(ALICE, "a.txt"), BOB)).isTrue();
        assertThat(store().isGranted(key(ALICE, "a.txt"), ALICE)).isFalse();
    }

    @Test
    void grantingTwiceIsANoOp() {
        store().grant(key(ALICE, "twice.txt"), BOB);
        store().grant(key(ALICE, "twice.txt"), BOB);

        assertThat(store().grantees(key(ALICE, "twice.txt"))).containsExactly(BOB);
    }

    @Test
    void revokesOneGrant() {
        store().grant(key(ALICE, "r.txt"), BOB);
        store().grant(key(ALICE, "r.txt"), CAROL);

        assertThat(store().revoke(key(ALICE, "r.txt"), BOB)).isTrue();
        assertThat(store().revoke(key(ALICE, "r.txt"), BOB)).isFalse();
        assertThat(store().isGranted(key(ALICE, "r.txt"), BOB)).isFalse();
        assertThat(store().grantees(key(ALICE, "r.txt"))).containsExactly(CAROL);
    }

    @Test
    void revokesEveryGrantOfAFile() {
        store().grant(key(ALICE, "gone.txt"), BOB);
        store().grant(key(ALICE, "gone.txt"), CAROL);
        store().grant(key(ALICE, "kept.txt"), BOB);

        store().revokeAll(key(ALICE, "gone.txt"));

        assertThat(store().grantees(key(ALICE, "gone.txt"))).isEmpty();
        assertThat(store().sharedWith(BOB)).containsExactly(key(ALICE, "kept.txt"));
    }

    @Test
    void nothingIsSharedThatWasNotGranted() {
        store().grant(key(ALICE, "one.txt"), BOB);

        assertThat(store().sharedWith(CAROL)).isEmpty();
        assertThat(store().grantees(key(ALICE, "other.txt"))).isEmpty();
        assertThat(store().isGranted(key(ALICE, "other.txt"), BOB)).isFalse();
        assertThat(store().revoke(key(ALICE, "one.txt"), CAROL)).isFalse();
    }

    @Test
    void keepsOddNamesApart() {
        // "a/b" owned by x could be confused with "b" owned by "x/a" if keys were only concatenated.
        store().grant(key(new Username("x"), "a b ü 😀.txt"), BOB);

        assertThat(store().sharedWith(BOB)).containsExactly(key(new Username("x"), "a b ü 😀.txt"));
    }
}
