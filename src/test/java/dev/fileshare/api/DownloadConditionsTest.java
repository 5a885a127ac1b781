package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.Username;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conditional headers of a download, in the order and with the meaning RFC 9110 section 13.2.2 gives them. */
class DownloadConditionsTest {
    private static final String ETAG = "\"v2\"";
    private static final FileVersion VERSION = new FileVersion(
            new FileKey(new Username("alice"), new FileName("a.txt")), 10, Instant.parse("2026-11-24T11:23:25Z"), ETAG);
    private static final String MODIFIED = "Tue, 24 Nov 2026 11:23:25 GMT";
    private static final String BEFORE = "Tue, 24 Nov 2026 11:23:24 GMT";
    private static final String AFTER = "Tue, 24 Nov 2026 11:23:26 GMT";

    @Test
    void noConditionsSendTheContent() {
        assertThat(conditions().notModified(VERSION)).isFalse();
        assertThat(conditions().rangeApplies(VERSION)).isTrue();
    }

    @Test
    void ifNoneMatchDecidesAloneWhenPresent() {
        assertThat(conditions("If-None-Match", ETAG).notModified(VERSION)).isTrue();
        assertThat(conditions("If-None-Match", "W/" + ETAG).notModified(VERSION))
                .as("weak comparison")
                .isTrue();
        // A stale tag means the client's copy is old, whatever If-Modified-Since says (section 13.1.3).
        assertThat(conditions("If-None-Match", "\"v1\"", "If-Modified-Since", AFTER)
                        .notModified(VERSION))
                .isFalse();
    }

    @Test
    void ifModifiedSinceIsNotModifiedAtOrAfterTheLastModification() {
        assertThat(conditions("If-Modified-Since", MODIFIED).notModified(VERSION))
                .isTrue();
        assertThat(conditions("If-Modified-Since", AFTER).notModified(VERSION)).isTrue();
        assertThat(conditions("If-Modified-Since", BEFORE).notModified(VERSION)).isFalse();
    }

    @Test
    void ifMatchThatNamesAnotherVersionIs412() {
        assertThat(conditions("If-Match", ETAG).notModified(VERSION)).isFalse();
        assertThat(conditions("If-Match", "*").notModified(VERSION)).isFalse();
        assertThatThrownBy(() -> conditions("If-Match", "\"v1\"").notModified(VERSION))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> conditions("If-Match", "W/" + ETAG).notModified(VERSION))
                .as("strong comparison")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> conditions("If-Match", "garbage").notModified(VERSION))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void ifUnmodifiedSinceCountsOnlyWithoutIfMatch() {
        assertThat(conditions("If-Unmodified-Since", MODIFIED).notModified(VERSION))
                .isFalse();
        assertThatThrownBy(() -> conditions("If-Unmodified-Since", BEFORE).notModified(VERSION))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(conditions("If-Match", ETAG, "If-Unmodified-Since", BEFORE).notModified(VERSION))
                .isFalse();
    }

    @Test
    void datesThatAreNotHttpDatesAreIgnored() {
        for (String header : new String[] {"If-Modified-Since", "If-Unmodified-Since"}) {
            for (String date : new String[] {"x", "0", "Tue, 32 Nov 2026 11:23:25 GMT", MODIFIED + ", " + AFTER}) {
                assertThat(conditions(header, date).notModified(VERSION))
                        .as("%s: %s", header, date)
                        .isFalse();
            }
        }
    }

    @Test
    void ifRangeLetsTheRangeThroughOnlyForTheVersionItNames() {
        assertThat(conditions("If-Range", ETAG).rangeApplies(VERSION)).isTrue();
        assertThat(conditions("If-Range", MODIFIED).rangeApplies(VERSION)).isTrue();
        assertThat(conditions("If-Range", "\"v1\"").rangeApplies(VERSION)).isFalse();
        assertThat(conditions("If-Range", "W/" + ETAG).rangeApplies(VERSION))
                .as("weak tags never")
                .isFalse();
        assertThat(conditions("If-Range", AFTER).rangeApplies(VERSION)).isFalse();
        assertThat(conditions("If-Range", "garbage").rangeApplies(VERSION)).isFalse();
        assertThat(conditions("If-Range", "").rangeApplies(VERSION))
                .as("blank: none")
                .isTrue();
    }

    private static DownloadConditions conditions(String... headers) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            values.put(headers[i], headers[i + 1]);
        }
        return new DownloadConditions(values::get);
    }
}
