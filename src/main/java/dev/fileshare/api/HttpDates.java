package dev.fileshare.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP-dates as RFC 9110 section 5.6.7 defines them: the IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}) and
 * the two obsolete forms a recipient must still accept, RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and
 * asctime ({@code Sun Nov  6 08:49:37 1994}). Anything else is not a date, which callers ignore.
 */
final class HttpDates {
    /** Longer than any of the three forms; a longer value is not parsed at all. */
    private static final int MAX_LENGTH = 40;

    // One-digit days too: RFC 9110 asks recipients to be robust, and Java's RFC_1123_DATE_TIME writes them.
    private static final DateTimeFormatter IMF_FIXDATE = strict("EEE, d MMM uuuu HH:mm:ss 'GMT'");
    private static final DateTimeFormatter ASCTIME = strict("EEE MMM ppd HH:mm:ss uuuu");
    // A two-digit year that would lie more than 50 years ahead is the latest past year with those digits.
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, d-MMM-")
            .appendValueReduced(
                    ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(49))
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US)
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    private HttpDates() {}

    /** The instant {@code text} names, or empty when it is not an HTTP-date (null, garbage, an impossible date). */
    static Optional<Instant> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String value = text.strip();
        for (DateTimeFormatter form : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
            try {
                return Optional.of(Instant.from(form.parse(value)));
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.US)
                .withZone(ZoneOffset.UTC)
                .withResolverStyle(ResolverStyle.STRICT);
    }
}
