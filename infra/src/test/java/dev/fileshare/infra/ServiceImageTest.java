package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Dockerfile copies, whatever else lies in the repository, and needs no war to synthesise.
 */
class ServiceImageTest {

    @Test
    void stagesOnlyTheDockerfileAndWhatItCopies(@TempDir final Path work) throws IOException {
        Path repository = fakeRepository(work.resolve("repo"), true);

        Set<String> staged = stagedFiles(repository, work.resolve("out"));

        Set<String> expected = new TreeSet<>(Set.of("Dockerfile", ".dockerignore"));
        expected.addAll(dockerfile().copySources());
        assertThat(staged).isEqualTo(expected);
    }

    @Test
    void synthesisesBeforeTheWarIsBuilt(@TempDir final Path work) throws IOException {
        Path repository = fakeRepository(work.resolve("repo"), false);

        Set<String> staged = stagedFiles(repository, work.resolve("out"));

        assertThat(staged).contains("Dockerfile", "server.xml").noneMatch(f -> f.startsWith("target/"));
    }

    @Test
    void theImageChangesWhenTheWarChangesAndOnlyThen(@TempDir final Path work) throws IOException {
        Path repository = fakeRepository(work.resolve("repo"), true);
        String first = assetHash(repository, work.resolve("out1"));

        Files.writeString(repository.resolve("src/main/java/Other.java"), "class Other {}");
        Files.writeString(repository.resolve("README.md"), "changed");
        assertThat(assetHash(repository, work.resolve("out2"))).isEqualTo(first);

        Files.writeString(repository.resolve("target/fileshare.war"), "another build");
        assertThat(assetHash(repository, work.resolve("out3"))).isNotEqualTo(first);
    }

    /** The real Dockerfile and .dockerignore amid what a working copy holds after a build. */
    private static Path fakeRepository(final Path root, final boolean withWar) throws IOException {
        for (String file : List.of("Dockerfile", ".dockerignore", "server.xml", "pom.xml")) {
            Files.createDirectories(root);
            Files.copy(RepositoryFiles.ROOT.resolve(file), root.resolve(file));
        }
        Map<String, String> clutter = Map.of(
                "README.md", "readme",
                "src/main/java/App.java", "class App {}",
                "target/classes/App.class", "x",
                "target/liberty/wlp/lib/big.jar", "x",
                ".git/HEAD", "ref: refs/heads/main",
                "node_modules/dynalite/index.js", "x",
                "infra/cdk.out/manifest.json", "{}",
                "infra/pom.xml", "<project/>",
                "bench/run.sh", "x",
                "data/db.sqlite", "x");
        for (Map.Entry<String, String> file : clutter.entrySet()) {
            write(root.resolve(file.getKey()), file.getValue());
        }
        if (withWar) {
            write(root.resolve("target/fileshare.war"), "a build");
        }
        return root;
    }

    private static Set<String> stagedFiles(final Path repository, final Path outdir) throws IOException {
        String hash = assetHash(repository, outdir);
        Path asset = outdir.resolve("asset." + hash);
        assertThat(asset).isDirectory();
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(asset)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> files.add(asset.relativize(f).toString()));
        }
        return files;
    }

    private static String assetHash(final Path repository, final Path outdir) {
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        Stack stack = new Stack(app, "ImageOnly");
        FargateTaskDefinition task =
                FargateTaskDefinition.Builder.create(stack, "Task").build();
        task.addContainer(
                "fileshare",
                ContainerDefinitionOptions.builder()
                        .image(ServiceImage.fromRepositoryRoot(repository))
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

    private static DockerfileInstructions dockerfile() {
        return DockerfileInstructions.parse(RepositoryFiles.read("Dockerfile"));
    }

    private static void write(final Path file, final String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
