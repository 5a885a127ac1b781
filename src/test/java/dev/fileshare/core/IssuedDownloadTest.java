package dev.fileshare.core;

import static dev.fileshare.core.FileServiceFixture.ALICE;
import static dev.fileshare.core.FileServiceFixture.BOB;
import static dev.fileshare.core.FileServiceFixture.name;
import static dev.fileshare.core.FileServiceFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.ByteRange;
import dev.fileshare.core.model.DownloadTerms;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.RangeNotSatisfiableException;
import dev.fileshare.core.model.TransferUrlGoneException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a download URL opens when it is used ({@link FileService#openIssued}): the version it was issued for, while
 * that version is current and, for a grantee, while the share lasts; 410 otherwise, with no more said.
 */
class IssuedDownloadTest {
    private static final String REPLACED_OR_DELETED =
            "This URL no longer applies: the file was replaced or deleted since it was issued.";
    private static final String NO_LONGER_SHARED =
            "This URL no longer applies: the file is no longer shared with the user it was issued to.";

    // A store that keeps no older version: a replaced version vanishes, as the URL's rule is about.
    private final FileServiceFixture fixture = new FileServiceFixture(FileServiceFixture.NO_VERSIONS);
    private final FileService files = fixture.files;
    private FileVersion digits;

    @BeforeEach
    void aliceSharesTenDigitsWithBob() throws IOException {
        digits = fixture.upload(ALICE, "digits.txt", "0123456789");
        files.share(ALICE, name("digits.txt"), BOB);
    }

    @Test
    void opensTheVersionItWasIssuedForWholeOrInPart() throws IOException {
        FileContent whole = files.openIssued(DownloadTerms.of(digits, ALICE), null);
        assertThat(whole.entry()).isEqualTo(digits);
        assertThat(whole.partial()).isFalse();
        assertThat(text(whole)).isEqualTo("0123456789");

        FileContent part = files.openIssued(DownloadTerms.of(digits, BOB), "bytes=-3");
        assertThat(part.partial()).isTrue();
        assertThat(part.range()).isEqualTo(new ByteRange(7, 3));
        assertThat(text(part)).isEqualTo("789");
    }

    @Test
    void aRangePastTheEndIsNotSatisfiable() {
        assertThatThrownBy(() -> files.openIssued(DownloadTerms.of(digits, ALICE), "bytes=10-"))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void isGoneOnceTheVersionIsReplaced() throws IOException {
        fixture.upload(ALICE, "digits.txt", "9876543210");

        assertGone(() -> files.openIssued(DownloadTerms.of(digits, ALICE), null), REPLACED_OR_DELETED);
        assertGone(() -> files.openIssued(DownloadTerms.of(digits, BOB), null), REPLACED_OR_DELETED);
    }

    @Test
    void isGoneOnceTheFileIsDeleted() throws IOException {
        files.delete(ALICE, name("digits.txt"));

        assertGone(() -> files.openIssued(DownloadTerms.of(digits, ALICE), null), REPLACED_OR_DELETED);
    }

    @Test
    void aGranteesUrlIsGoneOnceTheShareIsRevokedOrLeftButTheOwnersIsNot() throws IOException {
        files.revoke(ALICE, name("digits.txt"), BOB);
        assertGone(() -> files.openIssued(DownloadTerms.of(digits, BOB), null), NO_LONGER_SHARED);

        files.share(ALICE, name("digits.txt"), BOB);
        files.leave(BOB, ALICE, name("digits.txt"));
        assertGone(() -> files.openIssued(DownloadTerms.of(digits, BOB), null), NO_LONGER_SHARED);

        assertThat(text(files.openIssued(DownloadTerms.of(digits, ALICE), null)))
                .isEqualTo("0123456789");
    }

    @Test
    void aVersionReplacedBetweenTheCheckAndTheReadIsGoneNotRetried() {
        fixture.blobs.beforeEachRead(version -> {
            try {
                fixture.upload(ALICE, "digits.txt", "replaced");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertGone(() -> files.openIssued(DownloadTerms.of(digits, BOB), null), REPLACED_OR_DELETED);
    }

    private static void assertGone(ThrowingCallable open, String message) {
        assertThatThrownBy(open).isInstanceOf(TransferUrlGoneException.class).hasMessage(message);
    }
}
