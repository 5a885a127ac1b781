package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's version and revision labels: the root pom's version, the checked-out commit. */
class ImageLabelsTest {

    @Test
    void theVersionIsTheRootPomsAndTheRevisionTheCheckedOutCommit() throws Exception {
        ImageLabels labels = ImageLabels.of(RepositoryFiles.ROOT, Optional.empty());

        assertThat(labels.version()).isEqualTo(pomVersion());
        // A clone has a commit; an export without .git has none, and the label says so.
        assertThat(labels.revision()).isEqualTo(git("rev-parse", "HEAD").orElse("unknown"));
    }

    @Test
    void anExplicitRevisionWins() {
        assertThat(ImageLabels.of(RepositoryFiles.ROOT, Optional.of("ci-build-42"))
                        .revision())
                .isEqualTo("ci-build-42");
    }

    @Test
    void outsideAGitWorkingCopyTheRevisionIsUnknown(@TempDir final Path directory) throws IOException {
        Files.writeString(
                directory.resolve("pom.xml"),
                "<project><modelVersion>4.0.0</modelVersion><version>2.0</version></project>");

        ImageLabels labels = ImageLabels.of(directory, Optional.empty());

        assertThat(labels.version()).isEqualTo("2.0");
        assertThat(labels.revision()).isEqualTo("unknown");
    }

    /** The version right after the root project's own artifactId (not a dependency's or a plugin's). */
    private static String pomVersion() {
        Matcher version = Pattern.compile("<artifactId>fileshare</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(RepositoryFiles.read("pom.xml"));
        assertThat(version.find()).as("the root pom's version").isTrue();
        return version.group(1);
    }

    private static Optional<String> git(final String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = RepositoryFiles.ROOT.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(git.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return git.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    }
}
