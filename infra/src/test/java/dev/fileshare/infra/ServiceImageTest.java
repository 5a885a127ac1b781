package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;

/**
 * The image asset built from the repository root: CDK stages (copies) and hashes exactly what the
 * Dockerfile copies, whatever else lies in the repository, so the image is rebuilt when the sources
 * change and only then; it builds for the chosen CPU with the version and revision as build arguments.
 */
class ServiceImageTest {

    private static final ImageLabels LABELS = new ImageLabels("1.2.3", "0123456789abcdef0123456789abcdef01234567");

    @Test
    void stagesOnlyTheDockerfileAndWhatItCopies(@TempDir final Path work) throws IOException {
        Path repository = fakeRepository(work.resolve("repo"));

        Set<String> staged = stagedFiles(repository, work.resolve("out"), Architecture.X86_64, LABELS);

        Set<String> expected = new TreeSet<>(Set.of("Dockerfile", ".dockerignore"));
        List<String> sources = dockerfile().copySources();
        try (Stream<Path> files = Files.walk(repository)) {
            files.filter(Files::isRegularFile)
                    .map(f -> repository.relativize(f).toString())
                    .filter(f -> sources.stream().anyMatch(s -> f.equals(s) || s.endsWith("/") && f.startsWith(s)))
                    .forEach(expected::add);
        }
        assertThat(expected)
                .contains("pom.xml", "mvnw", "server.xml", "server.env", "jvm.options", "src/main/java/App.java");
        assertThat(staged).isEqualTo(expected);
    }

    @Test
    void synthesisesWithoutAnyBuildOutput(@TempDir final Path work) throws IOException {
        Path repository = fakeRepository(work.resolve("repo"));
        deleteRecursively(repository.resolve("target"));

        Set<String> staged = stagedFiles(repository, work.resolve("out"), Architecture.X86_64, LABELS);

        assertThat(staged).contains("Dockerfile", "pom.xml").noneMatch(f -> f.startsWith("target/"));
    }

    @Test
    void theImageChangesWhenTheSourcesChangeAndOnlyThen(@TempDir final Path work) throws IOException {
        Path repository = fakeRepository(work.resolve("repo"));
        String first = assetHash(repository, work.resolve("out1"), Architecture.X86_64, LABELS);

        Files.writeString(repository.resolve("README.md"), "changed");
        Files.writeString(repository.resolve("src/test/java/AppTest.java"), "class AppTest { int changed; }");
        Files.writeString(repository.resolve("target/fileshare.war"), "another local build");
        assertThat(assetHash(repository, work.resolve("out2"), Architecture.X86_64, LABELS))
                .isEqualTo(first);

        Files.writeString(repository.resolve("src/main/java/App.java"), "class App { int changed; }");
        assertThat(assetHash(repository, work.resolve("out3"), Architecture.X86_64, LABELS))
                .isNotEqualTo(first);
    }

    @Test
    void buildsForTheTasksCpuWithTheVersionAndRevisionAsBuildArguments(@TempDir final Path work) throws IOException {
        Path repository = fakeRepository(work.resolve("repo"));
        for (Architecture architecture : Architecture.values()) {
            Path out = work.resolve("out-" + architecture);
            assetHash(repository, out, architecture, LABELS);

            JsonNode source = imageAssetSource(out);
            assertThat(source.path("dockerFile").asText()).isEqualTo("Dockerfile");
            assertThat(source.path("platform").asText())
                    .isEqualTo(architecture == Architecture.ARM64 ? "linux/arm64" : "linux/amd64");
            assertThat(source.path("dockerBuildArgs").path("VERSION").asText()).isEqualTo(LABELS.version());
            assertThat(source.path("dockerBuildArgs").path("REVISION").asText()).isEqualTo(LABELS.revision());
        }
    }

    /** The real Dockerfile, .dockerignore and build inputs amid what a working copy holds after a build. */
    private static Path fakeRepository(final Path root) throws IOException {
        for (String file :
                List.of("Dockerfile", ".dockerignore", "server.xml", "server.env", "jvm.options", "pom.xml", "mvnw")) {
            Files.createDirectories(root);
            Files.copy(RepositoryFiles.ROOT.resolve(file), root.resolve(file));
        }
        Map<String, String> files = Map.ofEntries(
                Map.entry(".mvn/wrapper/maven-wrapper.properties", "distributionUrl=x"),
                Map.entry("src/main/java/App.java", "class App {}"),
                Map.entry("src/main/resources/META-INF/microprofile-config.properties", "a=b"),
                Map.entry("src/test/java/AppTest.java", "class AppTest {}"),
                Map.entry("README.md", "readme"),
                Map.entry("target/fileshare.war", "a local build"),
                Map.entry("target/classes/App.class", "x"),
                Map.entry(".git/HEAD", "ref: refs/heads/main"),
                Map.entry("node_modules/dynalite/index.js", "x"),
                Map.entry("infra/cdk.out/manifest.json", "{}"),
                Map.entry("infra/pom.xml", "<project/>"),
                Map.entry("bench/run.sh", "x"),
                Map.entry("data/db.sqlite", "x"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return root;
    }

    private static Set<String> stagedFiles(
            final Path repository, final Path outdir, final Architecture architecture, final ImageLabels labels)
            throws IOException {
        String hash = assetHash(repository, outdir, architecture, labels);
        Path asset = outdir.resolve("asset." + hash);
        assertThat(asset).isDirectory();
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(asset)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> files.add(asset.relativize(f).toString()));
        }
        return files;
    }

    private static String assetHash(
            final Path repository, final Path outdir, final Architecture architecture, final ImageLabels labels) {
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        Stack stack = new Stack(app, "ImageOnly");
        FargateTaskDefinition task =
                FargateTaskDefinition.Builder.create(stack, "Task").build();
        task.addContainer(
                "fileshare",
                ContainerDefinitionOptions.builder()
                        .image(ServiceImage.fromRepositoryRoot(repository, architecture, labels))
                        .memoryLimitMiB(512)
                        .build());
        app.synth();
        try (Stream<Path> entries = Files.list(outdir)) {
            List<String> assets = entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("asset."))
                    .toList();
            assertThat(assets).as("staged assets").hasSize(1);
            return assets.get(0).substring("asset.".length());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The one Docker image asset's source in the synthesised assets manifest. */
    private static JsonNode imageAssetSource(final Path outdir) throws IOException {
        JsonNode manifest = new ObjectMapper()
                .readTree(outdir.resolve("ImageOnly.assets.json").toFile());
        JsonNode images = manifest.path("dockerImages");
        assertThat(images.size()).isEqualTo(1);
        return images.elements().next().path("source");
    }

    private static DockerfileInstructions dockerfile() {
        return DockerfileInstructions.parse(RepositoryFiles.read("Dockerfile"));
    }

    private static void deleteRecursively(final Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
