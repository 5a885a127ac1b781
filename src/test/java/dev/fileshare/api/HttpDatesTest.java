package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {
    private static final Instant NOV_6_1994 = Instant.parse("1994-11-06T08:49:37Z");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "Sunday, 06-Nov-94 08:49:37 GMT",
                "Sun Nov  6 08:49:37 1994",
                "Sun, 6 Nov 1994 08:49:37 GMT" // as java.time's RFC_1123_DATE_TIME writes it
            })
    void readsTheThreeFormsRfc9110Accepts(String date) {
        assertThat(HttpDates.parse(date)).contains(NOV_6_1994);
        assertThat(HttpDates.parse(" " + date + " "))
                .as("surrounding white space")
                .contains(NOV_6_1994);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "x",
                "0",
                "-1",
                "99999999999999999999",
                "\"abc\"",
                "2026-11-24T11:23:25Z",
                "Sun, 06 Nov 1994 08:49:37", // no zone
                "Sun, 06 Nov 1994 08:49:37 PST", // only GMT
                "Sun, 06 Nov 1994 08:49:37 gmt",
                "Mon, 06 Nov 1994 08:49:37 GMT", // a Sunday
                "Sun, 31 Nov 1994 08:49:37 GMT", // no such day
                "Sun, 06 Nov 1994 24:00:00 GMT",
                "Sun, 06 Nov 1994 08:61:37 GMT",
                "Sun, 06 Nov 99999 08:49:37 GMT",
                "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT" // two fields joined
            })
    void anythingElseIsNoDate(String text) {
        assertThat(HttpDates.parse(text)).isEmpty();
    }

    @Test
    void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePast() {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();

        assertThat(HttpDates.parse(rfc850FirstOfJanuary(year + 10)))
                .map(HttpDatesTest::year)
                .contains(year + 10);
        // Its two digits are also those of year + 60, more than 50 years ahead: the past year is meant.
        assertThat(HttpDates.parse(rfc850FirstOfJanuary(year - 40)))
                .map(HttpDatesTest::year)
                .contains(year - 40);
    }

    @Property
    void everyImfFixdateReadsBackAsItsInstant(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long second) {
        Instant instant = Instant.ofEpochSecond(second);
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(instant);
        // RFC_1123_DATE_TIME writes days below 10 with one digit, the IMF-fixdate two: both are read.
        String fixdate = date.replaceFirst(", (\\d) ", ", 0$1 ");

        assertThat(HttpDates.parse(fixdate)).contains(instant);
        assertThat(HttpDates.parse(date)).contains(instant);
    }

    private static int year(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).getYear();
    }

    /** 1 January of {@code year} in the RFC 850 form: full weekday, two-digit year. */
    private static String rfc850FirstOfJanuary(int year) {
        String weekday = LocalDate.of(year, 1, 1).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
        return weekday + ", 01-Jan-" + String.format("%02d", year % 100) + " 00:00:00 GMT";
    }
}
