package dev.fileshare.core;

import static dev.fileshare.core.AccountsFixture.HOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.LoginSession;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.UsernameTakenException;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.model.WrongPasswordException;
import dev.fileshare.core.port.StoredLink;
import dev.fileshare.store.memory.MemoryBlobStore;
import dev.fileshare.store.memory.MemoryLinkStore;
import dev.fileshare.store.memory.MemoryShareStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deleting an account: everything of it goes, both ways of sharing included, and its name stays taken. */
class AccountDeletionTest {
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");

    private final AccountsFixture fixture = new AccountsFixture();
    private final AccountService accounts = fixture.accounts;
    private final MemoryBlobStore blobs = new MemoryBlobStore(fixture.clock);
    private final MemoryShareStore shares = new MemoryShareStore();
    private final MemoryLinkStore links = new MemoryLinkStore();
    private final FileService files = new FileService(blobs, shares, links, fixture.users);
    private final AccountDeletion deletion = new AccountDeletion(accounts, files, fixture.users, fixture.sessions);

    @BeforeEach
    void register() {
        accounts.register("alice", "password1");
        accounts.register("bob", "password2");
    }

    @Test
    void everythingOfTheAccountGoesAndNothingOfAnyoneElse() throws IOException {
        LoginSession session = accounts.login("alice", "password1", HOME);
        LoginSession bobs = accounts.login("bob", "password2", HOME);
        for (int i = 0; i < 3; i++) {
            upload(ALICE, "a" + i);
        }
        upload(BOB, "b");
        files.share(ALICE, new FileName("a0"), BOB);
        files.share(BOB, new FileName("b"), ALICE);
        links.create(link("00000000000000a1", ALICE, "a1"));
        // One to a file no longer there, as a link that raced with the file's delete leaves.
        links.create(link("00000000000000a2", ALICE, "gone"));
        links.create(link("00000000000000b1", BOB, "b"));

        deletion.delete(ALICE, "password1", HOME);

        assertThat(accounts.authenticate(session.token())).isEmpty();
        assertThat(fixture.users.exists(ALICE)).isFalse();
        assertThat(blobs.list(ALICE)).isEmpty();
        assertThat(blobs.usage(ALICE).files()).isZero();
        assertThat(shares.sharedWith(BOB, Optional.empty(), 100)).isEmpty();
        assertThat(shares.sharedWith(ALICE, Optional.empty(), 100)).isEmpty();
        assertThat(links.ownedBy(ALICE, Optional.empty())).isEmpty();
        assertThatThrownBy(() -> files.open(BOB, ALICE, new FileName("a0"), null))
                .isInstanceOf(NotFoundException.class);
        // Bob keeps all of his, except his share with alice.
        assertThat(accounts.authenticate(bobs.token())).contains(BOB);
        assertThat(blobs.list(BOB)).hasSize(1);
        assertThat(shares.grantees(new FileKey(BOB, new FileName("b")))).isEmpty();
        assertThat(links.ownedBy(BOB, Optional.empty())).hasSize(1);
    }

    @Test
    void theNameCannotBeRegisteredNorLoggedIntoAgain() throws IOException {
        deletion.delete(ALICE, "password1", HOME);

        assertThatThrownBy(() -> accounts.register("alice", "another-password"))
                .isInstanceOf(UsernameTakenException.class);
        assertThat(fixture.catchLogin("alice", "password1")).isNotNull();
        assertThatThrownBy(() -> files.share(BOB, new FileName("b"), ALICE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aWrongPasswordDeletesNothing() throws IOException {
        LoginSession session = accounts.login("alice", "password1", HOME);
        upload(ALICE, "kept");

        assertThatThrownBy(() -> deletion.delete(ALICE, "password2", HOME)).isInstanceOf(WrongPasswordException.class);

        assertThat(accounts.authenticate(session.token())).contains(ALICE);
        assertThat(blobs.list(ALICE)).hasSize(1);
        assertThat(fixture.users.exists(ALICE)).isTrue();
    }

    @Test
    void deletesManyPagesOfFiles() throws IOException {
        for (int i = 0; i < 1001; i++) {
            upload(ALICE, String.format("f%04d", i));
        }

        deletion.delete(ALICE, "password1", HOME);

        assertThat(blobs.list(ALICE)).isEmpty();
    }

    private void upload(Username owner, String name) throws IOException {
        byte[] content = name.getBytes(StandardCharsets.UTF_8);
        files.upload(
                owner, new FileName(name), new ByteArrayInputStream(content), content.length, WriteCondition.ALWAYS);
    }

    private StoredLink link(String handle, Username owner, String file) {
        Instant now = fixture.clock.instant();
        return StoredLink.fresh(
                LinkHandle.of(handle).orElseThrow(),
                "id-hash-" + handle,
                new FileKey(owner, new FileName(file)),
                now,
                now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(31)),
                OptionalLong.empty(),
                Optional.empty());
    }
}
