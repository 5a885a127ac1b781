package dev.fileshare.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value of {@code If-Match} or {@code If-None-Match} (RFC 9110 section 13.1.1/13.1.2): {@code *}, or a list of
 * entity tags such as {@code "abc"} and {@code W/"abc"}. A value that is neither lists no tag, so it matches no
 * version: {@code If-None-Match} then holds, and {@code If-Match} fails.
 */
final class EntityTags {
    private final boolean any;
    private final List<Tag> tags;

    private EntityTags(boolean any, List<Tag> tags) {
        this.any = any;
        this.tags = tags;
    }

    /** An entity tag: its opaque part with the quotes, and whether it is weak. */
    record Tag(String opaque, boolean weak) {
        /** One entity tag, as in {@code If-Range}; empty when {@code text} is not exactly one. */
        static Optional<Tag> parse(String text) {
            List<Tag> one = list(text.strip());
            return one != null && one.size() == 1 ? Optional.of(one.get(0)) : Optional.empty();
        }
    }

    static EntityTags parse(String header) {
        String value = header.strip();
        if (value.equals("*")) {
            return new EntityTags(true, List.of());
        }
        List<Tag> tags = list(value);
        return new EntityTags(false, tags == null ? List.of() : tags);
    }

    /** Strong comparison (If-Match): {@code *} or a strong tag equal to {@code current}, a strong quoted ETag. */
    boolean matchesStrongly(String current) {
        return any || tags.stream().anyMatch(tag -> !tag.weak() && tag.opaque().equals(current));
    }

    /** Weak comparison (If-None-Match): {@code *} or any tag whose opaque part equals {@code current}'s. */
    boolean matchesWeakly(String current) {
        return any || tags.stream().anyMatch(tag -> tag.opaque().equals(current));
    }

    /** The tags of a comma-separated list, or null when it is not one; empty list elements are allowed. */
    private static List<Tag> list(String value) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (true) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ',')) {
                i++;
            }
            if (i == n) {
                return tags;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || value.charAt(open) != '"') {
                return null;
            }
            int close = open + 1;
            while (close < n && isEtagChar(value.charAt(close))) {
                close++;
            }
            if (close >= n || value.charAt(close) != '"') {
                return null;
            }
            tags.add(new Tag(value.substring(open, close + 1), weak));
            i = close + 1;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && value.charAt(i) != ',') {
                return null;
            }
        }
    }

    /** etagc: %x21 / %x23-7E / obs-text, i.e. any visible character but the double quote. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
    }
}
