package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.key;
import static dev.fileshare.core.FileServiceFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.port.VersionGoneException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A range is read from the version it was resolved against; when a concurrent write replaces that version between
 * the lookup and the read, the read looks the file up again, up to three times, then answers 404.
 */
class VanishedVersionTest {
    // A store that keeps no older version, nor a trash: a replaced or deleted version vanishes at once.
    private final FileServiceFixture fixture = new FileServiceFixture(FileServiceFixture.NO_VERSIONS);
    private final FileService files = fixture.files;
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aRangeOfAVersionReplacedMeanwhileComesFromTheNewVersion() throws IOException {
        fixture.upload(ALICE, "a.txt", "old content");
        replaceOnReads(1);

        FileContent content = files.open(ALICE, ALICE, name("a.txt"), "bytes=0-3");

        assertThat(FileServiceFixture.text(content)).isEqualTo("new1");
        assertThat(content.entry())
                .isEqualTo(fixture.blobs.find(key(ALICE, "a.txt")).orElseThrow());
        assertThat(content.partial()).isTrue();
        assertThat(reads).hasValue(2);
    }

    @Test
    void twoVanishedVersionsAreStillRetried() throws IOException {
        fixture.upload(ALICE, "a.txt", "old content");
        replaceOnReads(2);

        assertThat(FileServiceFixture.text(files.open(ALICE, ALICE, name("a.txt"), "bytes=0-3")))
                .isEqualTo("new2");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aThirdVanishedVersionGivesUpWith404() throws IOException {
        fixture.upload(ALICE, "a.txt", "old content");
        files.share(ALICE, name("a.txt"), BOB);
        replaceOnReads(Integer.MAX_VALUE);

        assertThatThrownBy(() -> files.open(BOB, ALICE, name("a.txt"), "bytes=0-3"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No file 'a.txt' of 'alice' that you may read.");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aFileDeletedMeanwhileIs404() throws IOException {
        fixture.upload(ALICE, "a.txt", "old content");
        fixture.blobs.beforeEachRead(version -> {
            reads.incrementAndGet();
            fixture.blobs.delete(version.key());
        });

        assertThatThrownBy(() -> files.open(ALICE, ALICE, name("a.txt"), "bytes=0-3"))
                .isInstanceOf(NotFoundException.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aUseThatFindsItsVersionGoneIsRetriedOnTheCurrentOne() throws IOException {
        FileVersion first = fixture.upload(ALICE, "a.txt", "first");
        files.share(ALICE, name("a.txt"), BOB);
        List<FileVersion> used = new ArrayList<>();

        String etag = files.useReadableVersion(BOB, ALICE, name("a.txt"), version -> {
            used.add(version);
            if (used.size() == 1) {
                fixture.upload(ALICE, "a.txt", "second");
                throw new VersionGoneException("replaced while in use");
            }
            return version.etag();
        });

        assertThat(used).hasSize(2).first().isEqualTo(first);
        assertThat(etag)
                .isEqualTo(fixture.blobs.find(key(ALICE, "a.txt")).orElseThrow().etag())
                .isNotEqualTo(first.etag());
    }

    @Test
    void aUseIsNotRunForAFileTheCallerMayNotRead() throws IOException {
        fixture.upload(ALICE, "a.txt", "first");
        List<FileVersion> used = new ArrayList<>();

        assertThatThrownBy(() -> files.useReadableVersion(BOB, ALICE, name("a.txt"), used::add))
                .isInstanceOf(NotFoundException.class);
        assertThat(used).isEmpty();
    }

    /** The first {@code times} reads find their version replaced by "new1", "new2", ... */
    private void replaceOnReads(int times) {
        fixture.blobs.beforeEachRead(version -> {
            int read = reads.incrementAndGet();
            if (read <= times) {
                try {
                    fixture.upload(
                            version.key().owner(), version.key().fileName().value(), "new" + read + " content");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
