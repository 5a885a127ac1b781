package dev.fileshare.core.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of a file's bytes, resolved from one HTTP {@code Range: bytes=...} spec (RFC 9110 section 14.1.2).
 * Several ranges or a malformed header are ignored, as RFC 9110 allows: the whole file is served.
 */
public record ByteRange(long offset, long length) {
    private static final Pattern SINGLE =
            Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DIGITS = 18;

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative range");
        }
    }

    public static ByteRange whole(long size) {
        return new ByteRange(0, size);
    }

    public long last() {
        return offset + length - 1;
    }

    /**
     * The range {@code header} asks for within {@code size} bytes; empty when the whole file should be sent.
     *
     * @throws RangeNotSatisfiableException when the header is well-formed but no byte of it exists
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches()) {
            return Optional.empty();
        }
        String first = m.group(1);
        String last = m.group(2);
        if (first.isEmpty() && last.isEmpty() || first.length() > MAX_DIGITS || last.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        if (first.isEmpty()) {
            long suffix = Long.parseLong(last);
            if (suffix == 0 || size == 0) {
                throw new RangeNotSatisfiableException(size);
            }
            long length = Math.min(suffix, size);
            return Optional.of(new ByteRange(size - length, length));
        }
        long start = Long.parseLong(first);
        if (!last.isEmpty() && Long.parseLong(last) < start) {
            return Optional.empty();
        }
        if (start >= size) {
            throw new RangeNotSatisfiableException(size);
        }
        long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
        return Optional.of(new ByteRange(start, end - start + 1));
    }
}
