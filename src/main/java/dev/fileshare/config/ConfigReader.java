package dev.fileshare.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks configuration values, failing with a message that names the key. Values come from a
 * lookup function (MicroProfile Config in the server, a map in tests).
 */
public final class ConfigReader {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Function<String, Optional<String>> lookup;

    public ConfigReader(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public String string(String key, String defaultValue) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
    }

    public Optional<String> optionalString(String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String oneOf(String key, String defaultValue, String... allowed) {
        String value = string(key, defaultValue);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new InvalidConfigurationException(
                key, "expected one of " + String.join(", ", allowed) + " but got '" + value + "'");
    }

    /** A value that matches {@code regex} as a whole; {@code description} says what is expected. */
    public String matching(String key, String defaultValue, String regex, String description) {
        String value = string(key, defaultValue);
        if (!value.matches(regex)) {
            throw new InvalidConfigurationException(key, "expected " + description + " but got '" + value + "'");
        }
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = string(key, Boolean.toString(defaultValue)).toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(key, "expected true or false but got '" + value + "'");
        };
    }

    /** An optional absolute http or https URI with a host, such as {@code http://127.0.0.1:4567}. */
    public Optional<URI> httpUri(String key) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.get());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException malformed) {
            // reported below with the expected form
        }
        throw new InvalidConfigurationException(
                key, "expected an http or https URL such as http://127.0.0.1:4567 but got '" + raw.get() + "'");
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return (int) longValue(key, defaultValue, min, max);
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        String raw = string(key, Long.toString(defaultValue));
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the expected range
        }
        throw new InvalidConfigurationException(
                key, "expected an integer from " + min + " to " + max + " but got '" + raw + "'");
    }

    /** A duration as {@code 90s}, {@code 15m}, {@code 24h}, {@code 7d}, {@code 500ms} or ISO-8601 ({@code PT24H}). */
    public Duration duration(String key, Duration defaultValue, Duration min) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Duration value = parseDuration(raw.get());
        if (value == null || value.compareTo(min) < 0) {
            throw new InvalidConfigurationException(
                    key,
                    "expected a duration of at least " + min + " such as 15m, 24h or PT24H, but got '" + raw.get()
                            + "'");
        }
        return value;
    }

    /** As {@link #duration(String, Duration, Duration)}, and at most {@code max}. */
    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Duration value = duration(key, defaultValue, min);
        if (value.compareTo(max) > 0) {
            throw new InvalidConfigurationException(
                    key,
                    "expected a duration of at most " + max + " but got '"
                            + optionalString(key).orElse("") + "'");
        }
        return value;
    }

    private static Duration parseDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException tooLong) {
                return null;
            }
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A secret given as standard Base64 of at least {@code minBytes} bytes; its value never appears in a message. */
    public Optional<byte[]> secretKey(String key, int minBytes) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(raw.get());
            if (bytes.length >= minBytes) {
                return Optional.of(bytes);
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below, without the value
        }
        throw new InvalidConfigurationException(
                key,
                "expected standard Base64 of at least " + minBytes
                        + " random bytes (e.g. from: openssl rand -base64 32); the value given is not");
    }
}
