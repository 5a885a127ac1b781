package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.core.MutableClock;
import dev.fileshare.core.model.FileExistsException;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The older versions and the trash a {@link BlobStore} keeps, under a {@link Retention}, on a clock moved by hand. */
public abstract class BlobVersionsContract {
    private static final Retention RETENTION = new Retention(3, Duration.ofDays(30), Duration.ofDays(7));
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private Stores stores;

    protected abstract boolean keepsVersions();

    protected abstract Stores open(Clock clock, Retention retention);

    /**
     * Whether the store stamps versions and deletes with the clock it is given. A store whose times are its
     * backend's own (S3's LastModified) cannot be aged by moving the clock: the tests that do are skipped, and its
     * runner says where its age rules are tested instead.
     */
    protected boolean timesFollowTheClock() {
        return true;
    }

    /**
     * Whether the store's list of the trash tells each trashed file's digest (S3's listing of versions has no
     * metadata); a file's list of versions, and a version found or read by itself, always do.
     */
    protected boolean listsDigests() {
        return true;
    }

    /** An entry as the store's lists give it. */
    private FileVersion listed(FileVersion entry) {
        return listsDigests() ? entry : entry.withoutSha256();
    }

    @BeforeEach
    void openStores() {
        assumeTrue(keepsVersions(), "these adapters keep no versions");
        stores = open(clock, RETENTION);
    }

    @AfterEach
    void closeStores() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void anOverwriteKeepsThePreviousContentAsAnOlderVersion() throws IOException {
        FileVersion first = write("notes.txt", "one");
        clock.advance(Duration.ofSeconds(2));
        FileVersion second = write("notes.txt", "two!");

        List<StoredVersion> versions = blobs().versions(key("notes.txt"));

        assertThat(versions).extracting(StoredVersion::entry).containsExactly(second, first);
        assertThat(versions).extracting(StoredVersion::current).containsExactly(true, false);
        FileVersion older =
                blobs().findVersion(key("notes.txt"), versions.get(1).version()).orElseThrow();
        assertThat(older).isEqualTo(first);
        assertThat(readAll(older)).isEqualTo(bytes("one"));
        assertThat(blobs().find(key("notes.txt"))).contains(second);
    }

    @Test
    void olderVersionsAndTheTrashKeepEachVersionsSha256() throws IOException {
        write("digests.txt", "one");
        write("digests.txt", "two!");
        Sha256Digest one = Sha256Digest.ofContent(bytes("one"));
        Sha256Digest two = Sha256Digest.ofContent(bytes("two!"));

        List<StoredVersion> versions = blobs().versions(key("digests.txt"));
        assertThat(versions).extracting(v -> v.entry().sha256()).containsExactly(Optional.of(two), Optional.of(one));
        assertThat(blobs().findVersion(key("digests.txt"), versions.get(1).version())
                        .orElseThrow()
                        .sha256())
                .contains(one);
        blobs().delete(key("digests.txt"));
        assertThat(blobs().trash(ALICE))
                .singleElement()
                .satisfies(t -> assertThat(t.entry().sha256()).isEqualTo(listedDigest(two)));
        blobs().restoreFromTrash(key("digests.txt")).orElseThrow();
        assertThat(blobs().find(key("digests.txt")).orElseThrow().sha256()).contains(two);
        assertThat(blobs().versions(key("digests.txt")))
                .extracting(v -> v.entry().sha256())
                .containsExactly(Optional.of(two), Optional.of(one));
    }

    private Optional<Sha256Digest> listedDigest(Sha256Digest digest) {
        return listsDigests() ? Optional.of(digest) : Optional.empty();
    }

    @Test
    void aFileWithoutSuchVersionOrWithoutVersionsAnswersNothing() throws IOException {
        write("notes.txt", "one");

        assertThat(blobs().versions(key("absent.txt"))).isEmpty();
        assertThat(blobs().findVersion(key("notes.txt"), "no-such-version")).isEmpty();
        assertThat(blobs().findVersion(key("absent.txt"), "no-such-version")).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestOlderVersions() throws IOException {
        FileVersion oldest = write("notes.txt", "v1");
        String oldestVersion = blobs().versions(key("notes.txt")).get(0).version();
        for (int i = 2; i <= 5; i++) {
            write("notes.txt", "v" + i);
        }

        List<StoredVersion> versions = blobs().versions(key("notes.txt"));

        assertThat(versions).hasSize(1 + RETENTION.keep());
        assertThat(versions).extracting(v -> v.entry().size()).containsOnly(2L);
        assertThat(contents(versions)).containsExactly("v5", "v4", "v3", "v2");
        assertThat(blobs().findVersion(key("notes.txt"), oldestVersion)).isEmpty();
        assertThatThrownBy(() -> readAll(oldest)).isInstanceOf(VersionGoneException.class);
    }

    @Test
    void dropsOlderVersionsPastTheirAge() throws IOException {
        assumeTrue(timesFollowTheClock(), "the store's times are its own");
        write("notes.txt", "one");
        write("notes.txt", "two");
        clock.advance(RETENTION.versionMaxAge().minusSeconds(1));
        assertThat(blobs().versions(key("notes.txt"))).hasSize(2);

        clock.advance(Duration.ofSeconds(1));

        assertThat(blobs().versions(key("notes.txt"))).hasSize(1);
        assertThat(retainedBytes(ALICE)).isZero();
    }

    @Test
    void aDeleteMovesTheFileWithItsVersionsToTheTrashAndARestoreBringsThemBack() throws IOException {
        write("notes.txt", "one");
        FileVersion current = write("notes.txt", "two");
        Instant deleted = clock.instant();

        assertThat(blobs().delete(key("notes.txt"))).isTrue();

        assertThat(blobs().find(key("notes.txt"))).isEmpty();
        assertThat(blobs().versions(key("notes.txt"))).isEmpty();
        List<TrashedFile> trash = blobs().trash(ALICE);
        assertThat(trash).extracting(TrashedFile::entry).containsExactly(listed(current));
        assertThat(trash.get(0).purgeAt()).isEqualTo(trash.get(0).deleted().plus(RETENTION.trashMaxAge()));
        if (timesFollowTheClock()) {
            assertThat(trash.get(0).deleted()).isEqualTo(deleted);
        }
        assertThat(blobs().trash(BOB)).isEmpty();

        assertThat(blobs().restoreFromTrash(key("notes.txt")).map(this::listed)).contains(listed(current));

        assertThat(blobs().find(key("notes.txt"))).contains(current);
        assertThat(contents(blobs().versions(key("notes.txt")))).containsExactly("two", "one");
        assertThat(blobs().trash(ALICE)).isEmpty();
        assertThat(blobs().restoreFromTrash(key("notes.txt"))).isEmpty();
    }

    @Test
    void aRestoreRefusesToReplaceAFileOfThatName() throws IOException {
        write("notes.txt", "trashed");
        blobs().delete(key("notes.txt"));
        FileVersion newer = write("notes.txt", "newer");

        assertThatThrownBy(() -> blobs().restoreFromTrash(key("notes.txt"))).isInstanceOf(FileExistsException.class);

        assertThat(blobs().find(key("notes.txt"))).contains(newer);
        assertThat(blobs().trash(ALICE)).hasSize(1);
        assertThat(blobs().versions(key("notes.txt"))).hasSize(1);
    }

    @Test
    void deletingANameAgainReplacesWhatTheTrashHeldUnderIt() throws IOException {
        FileVersion first = write("notes.txt", "first");
        blobs().delete(key("notes.txt"));
        FileVersion second = write("notes.txt", "second");
        blobs().delete(key("notes.txt"));

        assertThat(blobs().trash(ALICE)).extracting(TrashedFile::entry).containsExactly(listed(second));
        assertThatThrownBy(() -> readAll(first)).isInstanceOf(VersionGoneException.class);
    }

    @Test
    void aPurgeDropsTheFileAndItsVersionsForGood() throws IOException {
        FileVersion older = write("notes.txt", "one");
        FileVersion current = write("notes.txt", "two");
        blobs().delete(key("notes.txt"));

        assertThat(blobs().purge(key("notes.txt"))).isTrue();

        assertThat(blobs().trash(ALICE)).isEmpty();
        assertThat(blobs().purge(key("notes.txt"))).isFalse();
        assertThat(blobs().restoreFromTrash(key("notes.txt"))).isEmpty();
        assertThatThrownBy(() -> readAll(current)).isInstanceOf(VersionGoneException.class);
        assertThatThrownBy(() -> readAll(older)).isInstanceOf(VersionGoneException.class);
        assertThat(retainedBytes(ALICE)).isZero();
    }

    @Test
    void theTrashEmptiesItselfAfterItsMaxAge() throws IOException {
        assumeTrue(timesFollowTheClock(), "the store's times are its own");
        write("notes.txt", "one");
        blobs().delete(key("notes.txt"));

        clock.advance(RETENTION.trashMaxAge());

        assertThat(blobs().trash(ALICE)).isEmpty();
        assertThat(blobs().restoreFromTrash(key("notes.txt"))).isEmpty();
        assertThat(retainedBytes(ALICE)).isZero();
    }

    @Test
    void retainedBytesCountTheOwnersOlderVersionsAndTrash() throws IOException {
        write("notes.txt", "four");
        write("notes.txt", "xx");
        write("gone.txt", "three");
        blobs().delete(key("gone.txt"));
        blobs().write(
                        new FileKey(BOB, new FileName("bob.txt")),
                        new ByteArrayInputStream(bytes("bob's")),
                        5,
                        WriteCondition.ALWAYS);

        assertThat(retainedBytes(ALICE)).isEqualTo(4 + 5);
        assertThat(retainedBytes(BOB)).isZero();
    }

    /**
     * The bytes the owner's usage counts besides their current files (those listed that {@code find} finds: S3Mock
     * also lists a key whose latest version is a delete marker, which S3 does not).
     */
    private long retainedBytes(Username owner) {
        long current = blobs().list(owner).stream()
                .flatMap(listed -> blobs().find(listed.key()).stream())
                .mapToLong(FileVersion::size)
                .sum();
        return blobs().usage(owner).bytes() - current;
    }

    private BlobStore blobs() {
        return stores.blobs();
    }

    private static FileKey key(String name) {
        return new FileKey(ALICE, new FileName(name));
    }

    private FileVersion write(String name, String content) throws IOException {
        byte[] bytes = bytes(content);
        return blobs().write(key(name), new ByteArrayInputStream(bytes), bytes.length, WriteCondition.ALWAYS)
                .entry();
    }

    private byte[] readAll(FileVersion entry) throws IOException {
        try (InputStream in = blobs().read(entry, 0, entry.size())) {
            return in.readAllBytes();
        }
    }

    private List<String> contents(List<StoredVersion> versions) throws IOException {
        List<String> contents = new java.util.ArrayList<>();
        for (StoredVersion version : versions) {
            contents.add(new String(readAll(version.entry()), StandardCharsets.UTF_8));
        }
        return contents;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
