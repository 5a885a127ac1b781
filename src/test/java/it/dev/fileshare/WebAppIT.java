package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.NodeScript;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The web app at {@code /}: its files with a strict Content-Security-Policy, the API's paths untouched, and a person's
 * session in Chromium driven by playwright-core (src/test/clients/webapp.ts): two users, uploads with progress and
 * cancel (through tus where the server offers it, resuming by itself after a dropped chunk),
 * sharing, downloads compared byte for byte, public links, the account's usage and password, logging out everywhere,
 * a hostile file name, axe-core on every screen, screenshots at phone and desktop width under
 * target/webapp-screenshots/.
 */
class WebAppIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = NodeScript.COMPILED.resolveSibling("webapp-screenshots");

    @Test
    void servesTheAppAtTheRootWithAStrictContentSecurityPolicy() {
        for (String path : List.of("", "index.html")) {
            ApiResponse page = get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.mediaType()).isEqualTo("text/html");
            assertThat(page.text()).contains("<script src=\"/assets/app.js\" defer></script>");
            assertStrictPolicy(page);
        }
        ApiResponse script = get("assets/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.mediaType()).isEqualTo("text/javascript");
        assertStrictPolicy(script);
        ApiResponse style = get("assets/app.css");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.mediaType()).isEqualTo("text/css");
    }

    @Test
    void anUnchangedFileIsRevalidatedWithoutItsContent() {
        ApiResponse first = get("assets/app.js");
        String etag = first.header("ETag").orElseThrow();
        assertThat(first.header("Cache-Control")).contains("no-cache");

        ApiResponse again = FileshareClient.send(new FileshareClient()
                .request("assets/app.js", null)
                .header("If-None-Match", etag)
                .GET());
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).contains(etag);

        ApiResponse other = FileshareClient.send(new FileshareClient()
                .request("assets/app.js", null)
                .header("If-None-Match", "\"something-else\"")
                .GET());
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(first.body());
    }

    @Test
    void theApiPathsAndUnknownPathsAnswerAsBefore() {
        ApiResponse files = get("files");
        assertThat(files.status()).isEqualTo(401);
        assertThat(files.mediaType()).isEqualTo("application/problem+json");
        assertThat(files.header("Content-Security-Policy")).isEmpty();

        ApiResponse unknownAsset = get("assets/other.js");
        assertThat(unknownAsset.status()).isEqualTo(404);
        assertThat(unknownAsset.mediaType()).isEqualTo("application/problem+json");

        ApiResponse postToRoot =
                FileshareClient.send(new FileshareClient().request("", null).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(postToRoot.status()).isBetween(400, 499);
        assertThat(postToRoot.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    void aPersonUsesTheAppInChromium() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium is needed at %s for the web app test: apt-get install -y chromium", CHROMIUM)
                .isTrue();

        NodeScript.Result result = NodeScript.runCompiled("webapp.js", Duration.ofMinutes(4));

        assertThat(result.stdout()).doesNotContain("not ok").containsPattern("(?m)^\\d+ passed, 0 failed$");
        assertThat(result.exitCode()).isZero();
        for (String screen : List.of("login", "files", "share-dialog", "link-dialog", "link-access-log", "account")) {
            for (String width : List.of("360", "1280")) {
                Path screenshot = SCREENSHOTS.resolve(screen + "-" + width + ".png");
                assertThat(screenshot).isRegularFile();
                assertThat(Files.size(screenshot))
                        .as("a picture, not an empty page")
                        .isGreaterThan(5_000);
            }
        }
    }

    private static ApiResponse get(String path) {
        return FileshareClient.send(new FileshareClient().request(path, null).GET());
    }

    private static void assertStrictPolicy(ApiResponse response) {
        String policy = response.header("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'", "style-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
    }
}
