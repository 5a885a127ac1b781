package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.NodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI in a real browser: Debian's Chromium, driven by playwright-core (src/test/clients/swagger-ui.ts),
 * registers, logs in, authorizes, uploads and lists through "Try it out", and leaves target/swagger-ui.png.
 */
class SwaggerUiIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOT = NodeScript.COMPILED.resolveSibling("swagger-ui.png");

    @Test
    void tryItOutWorksInChromium() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium is needed at %s for the Swagger UI test: apt-get install -y chromium", CHROMIUM)
                .isTrue();
        Files.deleteIfExists(SCREENSHOT);

        NodeScript.Result result = NodeScript.runCompiled("swagger-ui.js", Duration.ofMinutes(3));

        assertThat(result.stdout())
                .contains("ok - GET /files answers 200 with the uploaded file, rendered")
                .containsPattern("(?m)^6 passed, 0 failed$");
        assertThat(result.exitCode()).isZero();
        assertThat(SCREENSHOT).isRegularFile();
        assertThat(Files.size(SCREENSHOT)).as("a screenshot, not an empty page").isGreaterThan(20_000);
    }
}
