package dev.fileshare.api;

import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.PreconditionFailedException;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The conditional headers of a GET or HEAD of a file, evaluated against the version being read in the order of
 * RFC 9110 section 13.2.2: If-Match, else If-Unmodified-Since (412 when false); If-None-Match, else
 * If-Modified-Since (304 when false); then If-Range for a Range. A date that is not a valid HTTP-date is ignored
 * (sections 13.1.3, 13.1.4); an If-Range that is neither a valid entity tag nor a valid date does not hold, so the
 * Range is ignored and the whole file sent (section 13.1.5).
 *
 * <p>Not JAX-RS's {@code Request.evaluatePreconditions}: the runtime's fails on a malformed date with an exception
 * that reached the client as a 500, and by default evaluates If-Modified-Since even beside If-None-Match.
 */
final class DownloadConditions {
    private final String ifMatch;
    private final String ifUnmodifiedSince;
    private final String ifNoneMatch;
    private final String ifModifiedSince;
    private final String ifRange;

    /** {@code header}: a request header's value by name, several fields of one name joined by commas, or null. */
    DownloadConditions(Function<String, String> header) {
        // Joined fields make a list for the tags, and an invalid date (so, none) for the dates.
        this.ifMatch = present(header.apply(HttpHeaders.IF_MATCH));
        this.ifUnmodifiedSince = present(header.apply(HttpHeaders.IF_UNMODIFIED_SINCE));
        this.ifNoneMatch = present(header.apply(HttpHeaders.IF_NONE_MATCH));
        this.ifModifiedSince = present(header.apply(HttpHeaders.IF_MODIFIED_SINCE));
        this.ifRange = present(header.apply("If-Range"));
    }

    static DownloadConditions of(HttpHeaders headers) {
        return new DownloadConditions(headers::getHeaderString);
    }

    /**
     * Whether the client's copy is current, so the answer is 304 Not Modified rather than the content.
     *
     * @throws PreconditionFailedException when If-Match or If-Unmodified-Since does not hold (412)
     */
    boolean notModified(FileVersion version) {
        if (ifMatch != null) {
            if (!EntityTags.parse(ifMatch).matchesStrongly(version.etag())) {
                throw new PreconditionFailedException("The file's current version is not one If-Match names.");
            }
        } else if (date(ifUnmodifiedSince).filter(version.modified()::isAfter).isPresent()) {
            throw new PreconditionFailedException("The file was modified after the If-Unmodified-Since date.");
        }
        if (ifNoneMatch != null) {
            return EntityTags.parse(ifNoneMatch).matchesWeakly(version.etag());
        }
        return date(ifModifiedSince)
                .filter(since -> !version.modified().isAfter(since))
                .isPresent();
    }

    /** Whether a Range may be served from {@code version}: always without If-Range, else when If-Range names it. */
    boolean rangeApplies(FileVersion version) {
        if (ifRange == null) {
            return true;
        }
        Optional<EntityTags.Tag> tag = EntityTags.Tag.parse(ifRange);
        if (tag.isPresent()) {
            return !tag.get().weak() && tag.get().opaque().equals(version.etag());
        }
        return date(ifRange).filter(version.modified()::equals).isPresent();
    }

    private static Optional<Instant> date(String header) {
        return HttpDates.parse(header);
    }

    /** The field's value, or null when it is absent or blank (an empty list, as good as absent). */
    private static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
