package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** Options an operator expects: a stack name per stage, Graviton tasks, and mistakes that stop synthesis. */
class StackOptionsTest {

    @Test
    void theStackIsNamedFileshareUnlessAnotherNameIsGiven() {
        assertThat(Synthesis.of(Map.of()).stack().getStackName()).isEqualTo("Fileshare");
        assertThat(Synthesis.of(Map.of("stackName", "FileshareStaging", "arch", "arm64"))
                        .stack()
                        .getStackName())
                .isEqualTo("FileshareStaging");
    }

    @Test
    void onArm64TheTasksAskForGravitonAndBothImagesAreBuiltForIt() throws Exception {
        Synthesis synthesis = Synthesis.of(Map.of("stackName", "FileshareStaging", "arch", "arm64"));
        assertThat(properties(synthesis.only("AWS::ECS::TaskDefinition")).get("RuntimePlatform"))
                .isEqualTo(Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"));
        assertThat(imagePlatforms(synthesis)).containsExactly("linux/arm64", "linux/arm64");

        assertThat(imagePlatforms(Synthesis.of(Map.of()))).containsExactly("linux/amd64", "linux/amd64");
    }

    @Test
    void aMistypedOptionStopsSynthesisNamingIt() {
        Map<String, String> mistakes = Map.of(
                "stackName", "9lives",
                "arch", "sparc",
                "retainData", "no",
                "corsOrigins", "https://a.example/app",
                "alarmEmail", "ops");
        mistakes.forEach((key, value) -> {
            App app = FileshareApp.newApp(Map.of(key, value));
            assertThatThrownBy(() -> FileshareApp.addStack(app, RepositoryFiles.ROOT))
                    .as("-c %s=%s", key, value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
        });
        App wildcard = FileshareApp.newApp(Map.of("corsOrigins", "*"));
        assertThatThrownBy(() -> FileshareApp.addStack(wildcard, RepositoryFiles.ROOT))
                .hasMessageContaining("corsOrigins");
    }

    /** The platforms the stack's Docker image assets are built for, from the synthesised assets manifest. */
    private static List<String> imagePlatforms(final Synthesis synthesis) throws Exception {
        App app = (App) synthesis.stack().getNode().getRoot();
        CloudAssembly assembly = app.synth();
        JsonNode manifest = new ObjectMapper()
                .readTree(Path.of(assembly.getDirectory(), synthesis.stack().getArtifactId() + ".assets.json")
                        .toFile());
        List<String> platforms = new ArrayList<>();
        manifest.path("dockerImages")
                .elements()
                .forEachRemaining(image ->
                        platforms.add(image.path("source").path("platform").asText()));
        return platforms;
    }
}
