package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import jakarta.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The operational surface: health checks, the OpenAPI document and Swagger UI. */
class HealthAndOpenApiIT {
    private static final String[] ORIGINAL_PATHS = {"/register", "/login", "/logout", "/file", "/files", "/share"};

    @Test
    void livenessIsUp() {
        assertUp(FileshareClient.send(
                new FileshareClient().request("health/live", null).GET()));
    }

    @Test
    void readinessIsUpAndChecksTheStore() {
        ApiResponse ready = FileshareClient.send(
                new FileshareClient().request("health/ready", null).GET());
        assertUp(ready);
        assertThat(ready.json().getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(check -> check.getString("name"))
                .contains("store");
    }

    @Test
    void readinessSaysUpOrDownPerStorePartWithoutNamingResources() {
        ApiResponse ready = FileshareClient.send(
                new FileshareClient().request("health/ready", null).GET());
        JsonObject store = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("store"))
                .findFirst()
                .orElseThrow();

        JsonObject parts = store.getJsonObject("data");
        assertThat(parts.keySet())
                .containsExactlyInAnyOrder(
                        "aws".equals(FileshareServer.store())
                                ? new String[] {
                                    "bucket",
                                    "users-table",
                                    "sessions-table",
                                    "shares-table",
                                    "login-attempts-table",
                                    "links-table",
                                    "uploads-table"
                                }
                                : new String[] {"database", "data-directory"});
        assertThat(parts.values())
                .allSatisfy(state -> assertThat(state.toString()).isEqualTo("\"UP\""));
        // The build's servers use the default bucket and table names (fileshare-files, fileshare-users, ...) and data
        // directory (it-data): a public answer names none of them.
        assertThat(ready.text()).doesNotContain("fileshare-", "it-data", "/");
    }

    @Test
    void openApiDocumentHasTheOriginalPathsAndTheSessionTokenScheme() {
        ApiResponse document = FileshareClient.send(new FileshareClient()
                .request("openapi", null)
                .header("Accept", "application/json")
                .GET());
        assertThat(document.status()).isEqualTo(200);
        JsonObject openApi = document.json();
        // Seven operations on six paths: GET and PUT share /file.
        assertThat(openApi.getJsonObject("paths").keySet()).contains(ORIGINAL_PATHS);
        assertThat(openApi.getJsonObject("paths").getJsonObject("/file").keySet())
                .contains("get", "put");
        assertThat(openApi.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .values())
                .map(JsonObject.class::cast)
                .anySatisfy(scheme -> {
                    assertThat(scheme.getString("type")).isEqualTo("apiKey");
                    assertThat(scheme.getString("in")).isEqualTo("header");
                    assertThat(scheme.getString("name")).isEqualTo("x-session-token");
                });
    }

    @Test
    void swaggerUiAnswers() {
        ApiResponse ui = FileshareClient.send(
                new FileshareClient().request("openapi/ui", null).GET());
        if (ui.status() == 302 || ui.status() == 301) {
            // Liberty redirects /openapi/ui to /openapi/ui/, as a browser would follow.
            URI location = FileshareServer.uri("openapi/ui")
                    .resolve(ui.header("Location").orElseThrow());
            assertThat(location.getPath()).isEqualTo("/openapi/ui/");
            ui = FileshareClient.send(
                    new FileshareClient().request(location.getPath(), null).GET());
        }
        assertThat(ui.status()).as("%s", ui).isEqualTo(200);
        assertThat(ui.text()).containsIgnoringCase("swagger");
    }

    private static void assertUp(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().getString("status")).isEqualTo("UP");
    }
}
