package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.QuotaExceededException;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

public abstract class BlobStoreContract {
    protected abstract BlobStore store();

    /** Whether the adapters keep replaced and deleted versions (the aws ones on S3Proxy, unversioned, do not). */
    protected boolean keepsVersions() {
        return true;
    }

    /** Whether {@link BlobStore#list} tells each version's digest (S3's listing carries none). */
    protected boolean listsDigests() {
        return true;
    }

    /** Whether a version written in parts (the aws store's multipart upload, past its one-PUT limit) has a digest. */
    protected boolean knowsDigestsOfLargeWrites() {
        return true;
    }

    protected static final Username ALICE = new Username("alice");
    protected static final Username BOB = new Username("bob");

    protected static FileKey key(String name) {
        return new FileKey(ALICE, new FileName(name));
    }

    protected BlobStore.WriteResult write(FileKey key, byte[] content, WriteCondition condition) throws IOException {
        return store().write(key, new ByteArrayInputStream(content), content.length, condition);
    }

    protected byte[] readAll(FileVersion entry) throws IOException {
        try (InputStream in = store().read(entry, 0, entry.size())) {
            return in.readAllBytes();
        }
    }

    @Test
    void writesAndReadsBackTheSameBytes() throws IOException {
        byte[] content = "hello, world".getBytes(StandardCharsets.UTF_8);

        BlobStore.WriteResult result = write(key("hello.txt"), content, WriteCondition.ALWAYS);

        assertThat(result.created()).isTrue();
        assertThat(result.entry().size()).isEqualTo(content.length);
        assertThat(result.entry().etag()).startsWith("\"").endsWith("\"");
        FileVersion found = store().find(key("hello.txt")).orElseThrow();
        assertThat(found).isEqualTo(result.entry());
        assertThat(readAll(found)).isEqualTo(content);
    }

    @Test
    void aZeroByteFileIsAFile() throws IOException {
        write(key("empty"), new byte[0], WriteCondition.ALWAYS);

        FileVersion entry = store().find(key("empty")).orElseThrow();
        assertThat(entry.size()).isZero();
        assertThat(readAll(entry)).isEmpty();
    }

    @Test
    void streamsContentOfUnknownLength() throws IOException {
        byte[] content = new byte[300_000];
        Arrays.fill(content, (byte) 7);

        BlobStore.WriteResult result =
                store().write(key("unknown-length"), new ByteArrayInputStream(content), -1, WriteCondition.ALWAYS);

        assertThat(result.entry().size()).isEqualTo(content.length);
        assertThat(readAll(result.entry())).isEqualTo(content);
    }

    @Test
    void replacingGivesANewVersionAndTheNewContent() throws IOException {
        FileVersion first =
                write(key("v.txt"), bytes("one"), WriteCondition.ALWAYS).entry();
        BlobStore.WriteResult second = write(key("v.txt"), bytes("two!"), WriteCondition.ALWAYS);

        assertThat(second.created()).isFalse();
        assertThat(second.entry().etag()).isNotEqualTo(first.etag());
        FileVersion current = store().find(key("v.txt")).orElseThrow();
        assertThat(readAll(current)).isEqualTo(bytes("two!"));
    }

    @Test
    void opensTheCurrentVersionWhole() throws IOException {
        write(key("current.txt"), bytes("first"), WriteCondition.ALWAYS);
        FileVersion second = write(key("current.txt"), bytes("second!"), WriteCondition.ALWAYS)
                .entry();

        BlobStore.OpenBlob blob = store().openCurrent(key("current.txt")).orElseThrow();
        try (InputStream in = blob.stream()) {
            assertThat(blob.entry()).isEqualTo(second);
            assertThat(in.readAllBytes()).isEqualTo(bytes("second!"));
        }
        assertThat(store().openCurrent(key("never-written.txt"))).isEmpty();
    }

    @Test
    void readsARange() throws IOException {
        FileVersion entry = write(key("range.txt"), bytes("0123456789"), WriteCondition.ALWAYS)
                .entry();

        try (InputStream in = store().read(entry, 3, 4)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("3456"));
        }
        try (InputStream in = store().read(entry, 7, 3)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("789"));
        }
    }

    @Test
    void aReplacedVersionIsReadAsItWasOrNotAtAllButNeverAsTheNewContent() throws IOException {
        FileVersion old =
                write(key("gone.txt"), bytes("old"), WriteCondition.ALWAYS).entry();
        write(key("gone.txt"), bytes("new"), WriteCondition.ALWAYS);

        if (keepsVersions()) {
            assertThat(readAll(old)).isEqualTo(bytes("old"));
        } else {
            assertThatThrownBy(() -> readAll(old)).isInstanceOf(VersionGoneException.class);
        }
        assertThat(readAll(store().find(key("gone.txt")).orElseThrow())).isEqualTo(bytes("new"));
    }

    @Test
    void aDeletedFileCannotBeOpenedAndOncePurgedNotReadEither() throws IOException {
        FileVersion deleted =
                write(key("deleted.txt"), bytes("bytes"), WriteCondition.ALWAYS).entry();
        store().delete(key("deleted.txt"));
        if (keepsVersions()) {
            store().purge(key("deleted.txt"));
        }

        assertThatThrownBy(() -> readAll(deleted)).isInstanceOf(VersionGoneException.class);
        assertThat(store().openCurrent(key("deleted.txt"))).isEmpty();
    }

    @Test
    void aNameWrittenAgainAfterItsDeleteIsCreatedAnew() throws IOException {
        write(key("again.txt"), bytes("first life"), WriteCondition.ALWAYS);
        store().delete(key("again.txt"));

        BlobStore.WriteResult second = write(key("again.txt"), bytes("second"), WriteCondition.ONLY_IF_ABSENT);

        assertThat(second.created()).isTrue();
        assertThat(readAll(store().find(key("again.txt")).orElseThrow())).isEqualTo(bytes("second"));
    }

    @Test
    void listsTheVersionsFindFindsStampedInWholeSeconds() throws IOException {
        FileVersion written =
                write(key("listed.txt"), bytes("12345"), WriteCondition.ALWAYS).entry();

        FileVersion found = store().find(key("listed.txt")).orElseThrow();
        assertThat(store().list(ALICE)).containsExactly(listsDigests() ? found : found.withoutSha256());
        assertThat(found).isEqualTo(written);
        // HTTP dates (Last-Modified, If-Modified-Since) carry whole seconds.
        assertThat(found.modified().getNano()).isZero();
    }

    @Test
    void keepsTheSha256OfEachVersionItWrote() throws IOException {
        byte[] content = bytes("hello, digest");
        Sha256Digest expected = Sha256Digest.ofContent(content);

        FileVersion written =
                write(key("digest.txt"), content, WriteCondition.ALWAYS).entry();

        assertThat(written.sha256()).contains(expected);
        assertThat(store().find(key("digest.txt")).orElseThrow().sha256()).contains(expected);
        BlobStore.OpenBlob blob = store().openCurrent(key("digest.txt")).orElseThrow();
        try (InputStream in = blob.stream()) {
            assertThat(blob.entry().sha256()).contains(expected);
            assertThat(Sha256Digest.ofContent(in.readAllBytes())).isEqualTo(expected);
        }
        assertThat(store().list(ALICE))
                .singleElement()
                .extracting(FileVersion::sha256)
                .isEqualTo(listsDigests() ? Optional.of(expected) : Optional.empty());
        FileVersion replaced = write(key("digest.txt"), bytes("another"), WriteCondition.ALWAYS)
                .entry();
        assertThat(replaced.sha256()).contains(Sha256Digest.ofContent(bytes("another")));
    }

    @Test
    void keepsTheSha256OfContentOfUnknownLengthAndOfAnEmptyFile() throws IOException {
        byte[] content = new byte[300_000];
        Arrays.fill(content, (byte) 9);

        store().write(key("unknown.bin"), new ByteArrayInputStream(content), -1, WriteCondition.ALWAYS);
        write(key("empty.bin"), new byte[0], WriteCondition.ALWAYS);

        assertThat(store().find(key("unknown.bin")).orElseThrow().sha256()).contains(Sha256Digest.ofContent(content));
        assertThat(store().find(key("empty.bin")).orElseThrow().sha256()).contains(Sha256Digest.ofContent(new byte[0]));
    }

    @Test
    void keepsTheSha256OfALargeWriteWhereItCan() throws IOException {
        byte[] content = new byte[17 * 1024 * 1024]; // past the aws store's one-PUT limit: a multipart upload
        new java.util.Random(7).nextBytes(content);

        store().write(key("large.bin"), new ByteArrayInputStream(content), content.length, WriteCondition.ALWAYS);

        assertThat(store().find(key("large.bin")).orElseThrow().sha256())
                .isEqualTo(
                        knowsDigestsOfLargeWrites() ? Optional.of(Sha256Digest.ofContent(content)) : Optional.empty());
    }

    @Test
    void contentWithTheAnnouncedDigestIsStored() throws IOException {
        byte[] content = bytes("as announced");

        FileVersion written = store().write(
                        key("announced.txt"),
                        DigestingInputStream.of(
                                new ByteArrayInputStream(content),
                                content.length,
                                Optional.of(Sha256Digest.ofContent(content))),
                        content.length,
                        WriteCondition.ALWAYS,
                        Quota.UNLIMITED)
                .entry();

        assertThat(readAll(store().find(key("announced.txt")).orElseThrow())).isEqualTo(content);
        assertThat(written.sha256()).contains(Sha256Digest.ofContent(content));
    }

    @Test
    void contentWithAnotherDigestThanAnnouncedStoresNothing() throws IOException {
        FileVersion intact =
                write(key("kept.txt"), bytes("intact"), WriteCondition.ALWAYS).entry();
        Sha256Digest announced = Sha256Digest.ofContent(bytes("what the client meant"));

        for (long length : new long[] {bytes("tampered").length, -1}) {
            DigestingInputStream tampered = DigestingInputStream.of(
                    new ByteArrayInputStream(bytes("tampered")), length, Optional.of(announced));
            assertThatThrownBy(() ->
                            store().write(key("kept.txt"), tampered, length, WriteCondition.ALWAYS, Quota.UNLIMITED))
                    .isInstanceOf(Exception.class);
            assertThat(tampered.mismatch()).isPresent();
            DigestingInputStream fresh = DigestingInputStream.of(
                    new ByteArrayInputStream(bytes("tampered")), length, Optional.of(announced));
            assertThatThrownBy(
                            () -> store().write(key("new.txt"), fresh, length, WriteCondition.ALWAYS, Quota.UNLIMITED))
                    .isInstanceOf(Exception.class);
        }

        FileVersion current = store().find(key("kept.txt")).orElseThrow();
        assertThat(current.etag()).isEqualTo(intact.etag());
        assertThat(readAll(current)).isEqualTo(bytes("intact"));
        assertThat(store().find(key("new.txt"))).isEmpty();
        assertThat(store().list(ALICE)).extracting(FileVersion::etag).containsExactly(intact.etag());
    }

    @Test
    void createOnlyRefusesAnExistingFile() throws IOException {
        write(key("once.txt"), bytes("first"), WriteCondition.ONLY_IF_ABSENT);

        assertThatThrownBy(() -> write(key("once.txt"), bytes("second"), WriteCondition.ONLY_IF_ABSENT))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(readAll(store().find(key("once.txt")).orElseThrow())).isEqualTo(bytes("first"));
    }

    @Test
    void replaceIfMatchesOnlyReplacesThatVersion() throws IOException {
        FileVersion v1 =
                write(key("cas.txt"), bytes("v1"), WriteCondition.ALWAYS).entry();
        FileVersion v2 = write(key("cas.txt"), bytes("v2"), new WriteCondition.OnlyIfMatches(v1.etag()))
                .entry();

        assertThatThrownBy(() -> write(key("cas.txt"), bytes("v3"), new WriteCondition.OnlyIfMatches(v1.etag())))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> write(key("absent.txt"), bytes("x"), new WriteCondition.OnlyIfMatches(v1.etag())))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(store().find(key("cas.txt")).orElseThrow().etag()).isEqualTo(v2.etag());
        assertThat(store().find(key("absent.txt"))).isEmpty();
    }

    @Test
    void aShortBodyStoresNothing() throws IOException {
        write(key("short.txt"), bytes("intact"), WriteCondition.ALWAYS);

        assertThatThrownBy(() -> store().write(
                                key("short.txt"), new ByteArrayInputStream(bytes("abc")), 10, WriteCondition.ALWAYS))
                .isInstanceOf(IOException.class)
                .hasMessage("the body held 3 bytes, not the 10 announced");
        assertThat(readAll(store().find(key("short.txt")).orElseThrow())).isEqualTo(bytes("intact"));
    }

    @Test
    void listsOnlyTheOwnersFiles() throws IOException {
        Username bob = new Username("bob");
        write(key("l1"), bytes("1"), WriteCondition.ALWAYS);
        write(key("l2"), bytes("22"), WriteCondition.ALWAYS);
        store().write(
                        new FileKey(bob, new FileName("b1")),
                        new ByteArrayInputStream(bytes("b")),
                        1,
                        WriteCondition.ALWAYS);
        store().write(
                        new FileKey(new Username("bob-x"), new FileName("bx")),
                        new ByteArrayInputStream(bytes("b")),
                        1,
                        WriteCondition.ALWAYS);

        assertThat(store().list(bob))
                .extracting(FileVersion::key)
                .containsExactly(new FileKey(bob, new FileName("b1")));
        assertThat(store().list(ALICE))
                .extracting(e -> e.key().fileName().value())
                .contains("l1", "l2");
    }

    @Test
    void listsAPageAfterANameInKeyOrder() throws IOException {
        Username carol = new Username("carol");
        List<String> names = List.of("B", "a", "a b", "ab", "é", "😀", "z");
        for (String name : names) {
            store().write(
                            new FileKey(carol, new FileName(name)),
                            new ByteArrayInputStream(bytes(name)),
                            bytes(name).length,
                            WriteCondition.ALWAYS);
        }
        // Code point order, as S3 and SQLite list keys: "B" < "a" < "a b" < "ab" < "z" < "é" < "😀".
        List<String> inOrder = List.of("B", "a", "a b", "ab", "z", "é", "😀");

        assertThat(store().list(carol))
                .extracting(e -> e.key().fileName().value())
                .containsExactlyElementsOf(inOrder);
        assertThat(store().list(carol, java.util.Optional.empty(), 3))
                .extracting(e -> e.key().fileName().value())
                .containsExactly("B", "a", "a b");
        assertThat(store().list(carol, java.util.Optional.of(new FileName("a b")), 3))
                .extracting(e -> e.key().fileName().value())
                .containsExactly("ab", "z", "é");
        assertThat(store().list(carol, java.util.Optional.of(new FileName("é")), 3))
                .extracting(e -> e.key().fileName().value())
                .containsExactly("😀");
        assertThat(store().list(carol, java.util.Optional.of(new FileName("😀")), 3))
                .isEmpty();
        // "after" need not be a stored name.
        assertThat(store().list(carol, java.util.Optional.of(new FileName("aa")), 1))
                .extracting(e -> e.key().fileName().value())
                .containsExactly("ab");
    }

    @Test
    void keepsOddNamesExactly() throws IOException {
        String[] names = {
            "a b", "ü-😀.txt", "...", ".hidden", "name with 'quotes' and \"double\"", "%2e%2e", "x".repeat(255)
        };
        for (String name : names) {
            write(key(name), bytes(name), WriteCondition.ALWAYS);
        }
        for (String name : names) {
            assertThat(readAll(store().find(key(name)).orElseThrow())).isEqualTo(bytes(name));
        }
    }

    @Test
    void deletesAFile() throws IOException {
        write(key("del.txt"), bytes("x"), WriteCondition.ALWAYS);

        assertThat(store().delete(key("del.txt"))).isTrue();
        assertThat(store().delete(key("del.txt"))).isFalse();
        assertThat(store().find(key("del.txt"))).isEmpty();
    }

    @Test
    void concurrentOverwritesNeverMixContent() throws Exception {
        int writers = 6;
        int size = 256 * 1024;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                byte[] content = new byte[size];
                Arrays.fill(content, (byte) ('A' + w));
                tasks.add(() -> {
                    for (int i = 0; i < 5; i++) {
                        write(key("contended.bin"), content, WriteCondition.ALWAYS);
                        byte[] seen = readCurrent(key("contended.bin"));
                        assertUniform(seen, size);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertUniform(readCurrent(key("contended.bin")), size);
    }

    /** Reads the current version in one step, as downloads do; a concurrent replace must not make it fail. */
    private byte[] readCurrent(FileKey key) throws IOException {
        try (InputStream in = store().openCurrent(key).orElseThrow().stream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void usageAddsUpTheOwnersFilesAndTheOlderVersionsKeptOfThem() throws IOException {
        assertThat(store().usage(ALICE)).isEqualTo(Usage.NONE);
        write(key("a.txt"), new byte[5], WriteCondition.ALWAYS);
        write(key("b.txt"), new byte[7], WriteCondition.ALWAYS);
        write(key("a.txt"), new byte[3], WriteCondition.ALWAYS);
        store().write(
                        new FileKey(BOB, new FileName("c.txt")),
                        new ByteArrayInputStream(new byte[100]),
                        100,
                        WriteCondition.ALWAYS);

        // a.txt's 5 bytes stay counted while they are kept as its older version
        assertThat(store().usage(ALICE)).isEqualTo(keepsVersions() ? new Usage(2, 15) : new Usage(2, 10));
        assertThat(store().usage(BOB)).isEqualTo(new Usage(1, 100));
    }

    @Test
    void aWriteThatWouldPassTheByteQuotaStoresNothingAndKeepsThePreviousVersion() throws IOException {
        Quota tenBytes = new Quota(OptionalLong.of(10), OptionalLong.empty());
        write(key("a.txt"), "123456".getBytes(StandardCharsets.UTF_8), WriteCondition.ALWAYS, tenBytes);

        assertThatThrownBy(() -> write(key("b.txt"), new byte[5], WriteCondition.ALWAYS, tenBytes))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.quota()).isEqualTo("bytes");
                    assertThat(e.limit()).isEqualTo(10);
                    assertThat(e.used()).isEqualTo(6);
                });
        // Of unknown length, the size is known only once the body is read: refused all the same.
        assertThatThrownBy(() -> store().write(
                                key("a.txt"),
                                new ByteArrayInputStream(new byte[11]),
                                -1,
                                WriteCondition.ALWAYS,
                                tenBytes))
                .isInstanceOf(QuotaExceededException.class);

        assertThat(store().find(key("b.txt"))).isEmpty();
        FileVersion kept = store().find(key("a.txt")).orElseThrow();
        assertThat(readAll(kept)).isEqualTo("123456".getBytes(StandardCharsets.UTF_8));
        assertThat(store().usage(ALICE)).isEqualTo(new Usage(1, 6));
    }

    @Test
    void aReplacementCountsTheNewSizeMinusTheOld() throws IOException {
        assumeFalse(keepsVersions(), "a store that keeps the replaced version keeps counting it");
        Quota tenBytes = new Quota(OptionalLong.of(10), OptionalLong.empty());
        write(key("a.txt"), new byte[6], WriteCondition.ALWAYS, tenBytes);
        write(key("b.txt"), new byte[4], WriteCondition.ALWAYS, tenBytes);

        write(key("a.txt"), new byte[6], WriteCondition.ALWAYS, tenBytes);
        write(key("a.txt"), new byte[2], WriteCondition.ALWAYS, tenBytes);

        assertThat(store().usage(ALICE)).isEqualTo(new Usage(2, 6));
    }

    @Test
    void aReplacementAddsItsSizeWhileTheReplacedVersionIsKept() throws IOException {
        assumeTrue(keepsVersions(), "only a store that keeps older versions counts them");
        Quota tenBytes = new Quota(OptionalLong.of(10), OptionalLong.empty());
        write(key("a.txt"), new byte[6], WriteCondition.ALWAYS, tenBytes);
        FileVersion kept = write(key("a.txt"), new byte[2], WriteCondition.ALWAYS, tenBytes)
                .entry();

        assertThatThrownBy(() -> write(key("a.txt"), new byte[3], WriteCondition.ALWAYS, tenBytes))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.quota()).isEqualTo("bytes");
                    assertThat(e.used()).isEqualTo(8);
                });
        assertThat(store().find(key("a.txt"))).contains(kept);
        assertThat(store().versions(key("a.txt"))).hasSize(2);
        assertThat(store().usage(ALICE)).isEqualTo(new Usage(1, 8));
    }

    @Test
    void aWriteThatWouldPassTheFileQuotaIsRefusedButReplacementsAreNot() throws IOException {
        Quota twoFiles = new Quota(OptionalLong.empty(), OptionalLong.of(2));
        write(key("a.txt"), new byte[1], WriteCondition.ALWAYS, twoFiles);
        write(key("b.txt"), new byte[1], WriteCondition.ALWAYS, twoFiles);

        assertThatThrownBy(() -> write(key("c.txt"), new byte[1], WriteCondition.ALWAYS, twoFiles))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.quota()).isEqualTo("files");
                    assertThat(e.used()).isEqualTo(2);
                });
        write(key("b.txt"), new byte[50], WriteCondition.ALWAYS, twoFiles);

        assertThat(store().find(key("c.txt"))).isEmpty();
        assertThat(store().usage(ALICE)).isEqualTo(keepsVersions() ? new Usage(2, 52) : new Usage(2, 51));
    }

    protected BlobStore.WriteResult write(FileKey key, byte[] content, WriteCondition condition, Quota quota)
            throws IOException {
        return store().write(key, new ByteArrayInputStream(content), content.length, condition, quota);
    }

    private static void assertUniform(byte[] content, int size) {
        assertThat(content).hasSize(size);
        for (byte b : content) {
            if (b != content[0]) {
                throw new AssertionError("mixed content: " + (char) content[0] + " and " + (char) b);
            }
        }
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
