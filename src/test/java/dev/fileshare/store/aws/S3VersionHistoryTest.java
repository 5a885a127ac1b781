package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.port.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * The retention rule applied to one key's listing, at chosen instants: what the contract on S3Mock cannot do, as S3
 * stamps versions with its own clock. The same bounds as the contract's: 3 older versions, 30 days, a 7-day trash.
 */
class S3VersionHistoryTest {
    private static final Retention RETENTION = new Retention(3, Duration.ofDays(30), Duration.ofDays(7));
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void anOlderVersionStaysUntilItWasReplacedForTheVersionMaxAge() {
        List<S3VersionHistory.Entry> entries = List.of(version("v2", T0.plusSeconds(10), 4), version("v1", T0, 3));
        Instant replaced = T0.plusSeconds(10);

        S3VersionHistory before = new S3VersionHistory(
                entries, RETENTION, replaced.plus(Duration.ofDays(30)).minusMillis(1));
        S3VersionHistory at = new S3VersionHistory(entries, RETENTION, replaced.plus(Duration.ofDays(30)));

        assertThat(before.versions())
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("v2", "v1");
        assertThat(before.retainedBytes()).isEqualTo(7);
        assertThat(at.versions()).extracting(S3VersionHistory.Entry::versionId).containsExactly("v2");
        assertThat(at.retainedBytes()).isEqualTo(4);
    }

    @Test
    void onlyTheNewestOlderVersionsStayByTheCount() {
        List<S3VersionHistory.Entry> entries = List.of(
                version("v5", T0.plusSeconds(5), 1),
                version("v4", T0.plusSeconds(4), 1),
                version("v3", T0.plusSeconds(3), 1),
                version("v2", T0.plusSeconds(2), 1),
                version("v1", T0.plusSeconds(1), 1));

        S3VersionHistory history = new S3VersionHistory(entries, RETENTION, T0.plusSeconds(6));

        assertThat(history.versions())
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("v5", "v4", "v3", "v2");
    }

    @Test
    void theTrashHoldsTheFileBelowTheNewestMarkerForTheTrashMaxAgeSinceTheDelete() {
        Instant deleted = T0.plusSeconds(60);
        List<S3VersionHistory.Entry> entries =
                List.of(marker("m1", deleted), version("v2", T0.plusSeconds(10), 4), version("v1", T0, 3));

        S3VersionHistory before = new S3VersionHistory(
                entries, RETENTION, deleted.plus(Duration.ofDays(7)).minusMillis(1));
        S3VersionHistory at = new S3VersionHistory(entries, RETENTION, deleted.plus(Duration.ofDays(7)));

        assertThat(before.current()).isEmpty();
        assertThat(before.versions()).isEmpty();
        assertThat(before.trash().orElseThrow().versions())
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("v2", "v1");
        assertThat(before.trash().orElseThrow().deleted()).isEqualTo(deleted);
        assertThat(before.retainedBytes()).isEqualTo(7);
        assertThat(at.trash()).isEmpty();
        assertThat(at.retainedBytes()).isZero();
    }

    @Test
    void olderVersionsInTheTrashAgeFromWhenTheyWereReplaced() {
        List<S3VersionHistory.Entry> entries = List.of(
                marker("m1", T0.plus(Duration.ofDays(5))), version("v2", T0.plusSeconds(10), 4), version("v1", T0, 3));

        S3VersionHistory history =
                new S3VersionHistory(entries, RETENTION, T0.plusSeconds(10).plus(Duration.ofDays(30)));

        // Past the trash's age as well: nothing of it shows.
        assertThat(history.trash()).isEmpty();
        S3VersionHistory withLongerTrash = new S3VersionHistory(
                entries,
                new Retention(3, Duration.ofDays(30), Duration.ofDays(40)),
                T0.plusSeconds(10).plus(Duration.ofDays(30)));
        assertThat(withLongerTrash.trash().orElseThrow().versions())
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("v2");
    }

    @Test
    void aFileWrittenAfterADeleteStartsAnewAndTheTrashKeepsTheDeletedOne() {
        List<S3VersionHistory.Entry> entries =
                List.of(version("b1", T0.plusSeconds(20), 2), marker("m1", T0.plusSeconds(10)), version("a1", T0, 3));

        S3VersionHistory history = new S3VersionHistory(entries, RETENTION, T0.plusSeconds(30));

        assertThat(history.current()).map(S3VersionHistory.Entry::versionId).contains("b1");
        assertThat(history.versions())
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("b1");
        assertThat(history.trash().orElseThrow().versions())
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("a1");
        assertThat(history.trashAndEarlier())
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("m1", "a1");
        assertThat(history.readable())
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("b1", "a1");
    }

    @Test
    void aReplaceKeepsTheReplacedVersionAndDropsTheOldestPastTheCount() {
        List<S3VersionHistory.Entry> entries = List.of(
                version("v4", T0.plusSeconds(4), 8),
                version("v3", T0.plusSeconds(3), 4),
                version("v2", T0.plusSeconds(2), 2),
                version("v1", T0.plusSeconds(1), 1));
        Instant now = T0.plusSeconds(5);

        assertThat(new S3VersionHistory(entries, RETENTION, now).fileBytes()).isEqualTo(15);
        // v4 becomes an older version; v3 and v2 stay; v1 would be the fourth older one.
        assertThat(new S3VersionHistory(entries, RETENTION, now).fileBytesAfterReplace())
                .isEqualTo(14);
        assertThat(new S3VersionHistory(entries, new Retention(0, Duration.ofDays(30), Duration.ofDays(7)), now)
                        .fileBytesAfterReplace())
                .isZero();
    }

    @Test
    void mergingPutsAMarkerAboveTheVersionsItHidesEvenWithinOneSecond() {
        Instant second = T0;
        List<ObjectVersion> versions = List.of(objectVersion("b1", second, true), objectVersion("a1", second, false));
        List<DeleteMarkerEntry> markers = List.of(markerEntry("m1", second, false));

        assertThat(S3VersionHistory.merge(versions, markers))
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("b1", "m1", "a1");
        assertThat(S3VersionHistory.merge(
                        List.of(objectVersion("a1", second, false)), List.of(markerEntry("m1", second, true))))
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("m1", "a1");
        assertThat(S3VersionHistory.merge(
                        List.of(objectVersion("b1", second.plusSeconds(2), true), objectVersion("a1", second, false)),
                        List.of(markerEntry("m1", second.plusSeconds(1), false))))
                .extracting(S3VersionHistory.Entry::versionId)
                .containsExactly("b1", "m1", "a1");
    }

    @Test
    void aVersionsNameIsUrlSafe() {
        S3VersionHistory.Entry version = version("3/L4kqtJl+cpXroDTDmJ+rmSpXd3dIbrHY==", T0, 1);

        assertThat(version.name()).matches("[A-Za-z0-9_-]+");
    }

    private static S3VersionHistory.Entry version(String id, Instant lastModified, long size) {
        return new S3VersionHistory.Entry(id, false, lastModified, size, "\"etag-" + id + "\"");
    }

    private static S3VersionHistory.Entry marker(String id, Instant lastModified) {
        return new S3VersionHistory.Entry(id, true, lastModified, 0, "");
    }

    private static ObjectVersion objectVersion(String id, Instant lastModified, boolean latest) {
        return ObjectVersion.builder()
                .versionId(id)
                .lastModified(lastModified)
                .isLatest(latest)
                .size(1L)
                .eTag("\"" + id + "\"")
                .build();
    }

    private static DeleteMarkerEntry markerEntry(String id, Instant lastModified, boolean latest) {
        return DeleteMarkerEntry.builder()
                .versionId(id)
                .lastModified(lastModified)
                .isLatest(latest)
                .build();
    }
}
