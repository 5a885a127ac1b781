package dev.fileshare.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;

/**
 * What the deployer chooses with {@code -c key=value} (or in cdk.json), read and checked in one
 * place: a mistyped value stops synthesis with a message naming the key instead of falling back.
 *
 * @param stackName {@code stackName}: the CloudFormation stack, so several stages fit in one account
 * @param architecture {@code arch}: {@code x86_64} (default) or {@code arm64}
 * @param retainData {@code retainData}: keep the bucket, tables and logs when the stack goes (default true)
 * @param corsOrigins {@code corsOrigins}: comma-separated browser origins allowed to call the API and
 *     the presigned URLs; none (the default) means no CORS configuration at all
 * @param alarmEmail {@code alarmEmail}: an address the alarm topic mails, if given
 */
public record StackOptions(
        String stackName,
        Architecture architecture,
        boolean retainData,
        List<String> corsOrigins,
        Optional<String> alarmEmail) {

    public static final String DEFAULT_STACK_NAME = "Fileshare";

    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
    /** scheme://host[:port], as a browser sends it in Origin: no path, no trailing slash, no wildcard. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public StackOptions {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static StackOptions from(final App app) {
        return new StackOptions(
                stackName(string(app, "stackName").orElse(DEFAULT_STACK_NAME)),
                string(app, "arch").map(Architecture::fromContext).orElse(Architecture.X86_64),
                bool(app, "retainData", true),
                string(app, "corsOrigins").map(StackOptions::origins).orElse(List.of()),
                string(app, "alarmEmail").filter(s -> !s.isBlank()).map(StackOptions::email));
    }

    private static String stackName(final String name) {
        if (!STACK_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "context stackName must be a letter then letters, digits or '-' (at most 128), was: " + name);
        }
        return name;
    }

    private static List<String> origins(final String list) {
        List<String> origins = Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        for (String origin : origins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("context corsOrigins: " + origin
                        + " is not an origin (https://host or https://host:port, no path, no wildcard)");
            }
        }
        return origins;
    }

    private static String email(final String address) {
        String trimmed = address.trim();
        if (!EMAIL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("context alarmEmail is not an e-mail address: " + address);
        }
        return trimmed;
    }

    /** Context from -c arrives as a string, from cdk.json or code as whatever JSON type it was. */
    private static boolean bool(final App app, final String key, final boolean fallback) {
        Optional<String> value = string(app, key);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("context " + key + " must be true or false, was: " + value.get());
    }

    static Optional<String> string(final App app, final String key) {
        return Optional.ofNullable(app.getNode().tryGetContext(key)).map(Object::toString);
    }
}
