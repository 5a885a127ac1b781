package dev.fileshare.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The service's files at the repository root, as the infra tests see them (infra/ is the working directory). */
final class RepositoryFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern JAVA_KEY = Pattern.compile("\"(fileshare\\.[A-Za-z0-9._-]+)\"");
    private static final Pattern XML_KEY = Pattern.compile("[\"{](fileshare\\.[A-Za-z0-9._-]+)[\"}]");
    private static final Pattern PROPERTIES_KEY =
            Pattern.compile("^\\s*(fileshare\\.[A-Za-z0-9._-]+)\\s*[=:]", Pattern.MULTILINE);

    private RepositoryFiles() {}

    static String read(final String relativePath) {
        Path file = ROOT.resolve(relativePath);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The service's configuration keys: the {@code fileshare.*} string literals of its Java sources
     * and the {@code fileshare.*} names in server.xml and microprofile-config.properties.
     */
    static Set<String> configKeys() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> collect(JAVA_KEY, readPath(f), keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collect(XML_KEY, read("server.xml"), keys);
        collect(PROPERTIES_KEY, read("src/main/resources/META-INF/microprofile-config.properties"), keys);
        return keys;
    }

    /** The environment variable names that MicroProfile Config maps to the service's keys. */
    static Set<String> configEnvironmentNames() {
        Set<String> names = new TreeSet<>();
        configKeys().forEach(key -> names.add(environmentName(key)));
        return names;
    }

    /** MicroProfile Config: every non-alphanumeric character becomes '_', then upper case. */
    static String environmentName(final String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static void collect(final Pattern pattern, final String text, final Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String readPath(final Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
