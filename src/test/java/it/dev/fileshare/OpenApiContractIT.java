package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.NodeScript;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document served at /openapi: exported to target/openapi.yaml, identical to the checked-in contract the
 * clients are generated from (but for its servers), linted by Redocly, and right about security and errors.
 */
class OpenApiContractIT {
    private static final Path CONTRACT =
            Path.of(System.getProperty("openapi.contract", "src/main/openapi/openapi.yaml"));
    private static final Path EXPORT = Path.of(System.getProperty("openapi.export", "target/openapi.yaml"));
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "register", "login", "uploadWithUrl", "downloadWithUrl", "downloadLink", "headLink", "discoverUploads");
    private static final Set<String> OPERATIONS = Set.of(
            "register",
            "login",
            "logout",
            "uploadFile",
            "downloadFile",
            "deleteFile",
            "listFiles",
            "shareFile",
            "revokeShare",
            "leaveShare",
            "listShares",
            "createUploadUrl",
            "createDownloadUrl",
            "downloadWithUrl",
            "uploadWithUrl",
            "createLink",
            "listLinks",
            "deleteLink",
            "listLinkAccesses",
            "downloadLink",
            "headLink",
            "logoutEverywhere",
            "getAccount",
            "changePassword",
            "discoverUploads",
            "createUpload",
            "uploadOffset",
            "appendToUpload",
            "terminateUpload",
            "deleteAccount",
            "listVersions",
            "restoreVersion",
            "listTrash",
            "restoreFromTrash",
            "purgeFromTrash");

    private static String servedText;
    private static JsonNode served;

    @BeforeAll
    static void exportTheServedDocument() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(FileshareServer.uri("/openapi"))
                                .header("Accept", "application/yaml")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        servedText = response.body();
        Files.createDirectories(EXPORT.getParent());
        Files.writeString(EXPORT, servedText);
        served = YAML.readTree(servedText);
    }

    @Test
    void servedDocumentIsTheCheckedInContract() throws IOException {
        JsonNode contract = YAML.readTree(CONTRACT.toFile());
        List<String> differences = new ArrayList<>();
        differences(withoutServers(contract), withoutServers(served), "", differences);
        if (!differences.isEmpty()) {
            // The served text with the contract's server: what to check in when the change is meant.
            String candidate = servedText.replace(
                    served.at("/servers/0/url").asText(),
                    contract.at("/servers/0/url").asText());
            Files.writeString(EXPORT.resolveSibling("openapi-contract.yaml"), candidate);
        }
        assertThat(differences)
                .as(
                        "served /openapi vs %s; if meant, check in %s",
                        CONTRACT, EXPORT.resolveSibling("openapi-contract.yaml"))
                .isEmpty();
    }

    @Test
    void infoNamesTheBuildsVersion() {
        JsonNode info = served.get("info");
        assertThat(info.get("version").asText()).isEqualTo(System.getProperty("project.version"));
        assertThat(info.get("title").asText()).isEqualTo("fileshare");
        assertThat(info.get("description").asText()).isNotBlank();
        assertThat(info.at("/license/name").asText()).isEqualTo("Apache-2.0");
    }

    @Test
    void everyOperationButTheSessionlessOnesNeedsTheSessionToken() {
        Map<String, JsonNode> operations = operations();
        assertThat(operations.keySet()).containsExactlyInAnyOrderElementsOf(OPERATIONS);
        // Security is declared per operation; an empty list says "no session needed" to any OpenAPI tool, where a
        // missing one would leave it undeclared.
        assertThat(served.has("security")).as("document-wide security").isFalse();
        operations.forEach((id, operation) -> {
            if (PUBLIC_OPERATIONS.contains(id)) {
                assertThat(String.valueOf(operation.get("security")))
                        .as("%s needs no session: security: []", id)
                        .isEqualTo("[]");
            } else {
                assertThat(operation.get("security").toString())
                        .as(id)
                        .isEqualTo("[{\"sessionToken\":[]},{\"bearerToken\":[]}]");
            }
        });
        assertThat(served.at("/components/securitySchemes/sessionToken").toString())
                .contains("\"type\":\"apiKey\"", "\"name\":\"x-session-token\"", "\"in\":\"header\"");
    }

    @Test
    void putFileTakesJsonAndRawBytes() {
        JsonNode put = served.at("/paths/~1file/put");
        JsonNode content = put.at("/requestBody/content");
        assertThat(content.at("/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/FileUpload");
        assertThat(content.at("/application~1octet-stream/schema/format").asText())
                .isEqualTo("binary");
        assertThat(put.at("/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .endsWith("/FileEntry");
        assertThat(put.at("/responses/201/content/application~1json/schema/$ref")
                        .asText())
                .endsWith("/FileEntry");
        assertThat(served.at("/components/parameters/If-Match/name").asText()).isEqualTo("If-Match");
    }

    @Test
    void everyErrorResponseIsAProblem() {
        operations()
                .forEach((id, operation) -> operation.get("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        JsonNode problem = resolve(response.getValue()).at("/content/application~1problem+json");
                        assertThat(problem.at("/schema/$ref").asText())
                                .as("%s %s", id, response.getKey())
                                .isEqualTo("#/components/schemas/Problem");
                        assertThat(problem.at("/example/status").asText())
                                .as("%s %s example", id, response.getKey())
                                .isEqualTo(response.getKey());
                    }
                }));
        assertThat(served.at("/components/schemas/Problem/properties/errors/items/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(served.at("/components/schemas/FieldError/required").toString())
                .isEqualTo("[\"field\",\"message\"]");
    }

    @Test
    void redoclyLintFindsNoProblem() throws Exception {
        NodeScript.Result lint = NodeScript.run(
                Duration.ofMinutes(2),
                List.of(
                        "node_modules/.bin/redocly",
                        "lint",
                        "--config",
                        Path.of(System.getProperty("redocly.config", "redocly.yaml"))
                                .toAbsolutePath()
                                .toString(),
                        "--format",
                        "json",
                        EXPORT.toAbsolutePath().toString()));

        JsonNode totals = new ObjectMapper().readTree(lint.stdout()).get("totals");
        assertThat(totals.get("errors").asInt()).as("errors").isZero();
        assertThat(totals.get("warnings").asInt())
                .as("warnings (justify any in redocly.yaml)")
                .isZero();
        assertThat(lint.exitCode()).isZero();
    }

    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new HashMap<>();
        served.get("paths")
                .forEach(path -> path.forEach(operation -> {
                    if (operation.has("operationId")) {
                        assertThat(operations.put(operation.get("operationId").asText(), operation))
                                .as("unique operationId")
                                .isNull();
                    }
                }));
        return operations;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? served.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static JsonNode withoutServers(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("servers");
        return copy;
    }

    /** JSON pointers where the two trees differ, so that a failure says where. */
    private static void differences(JsonNode expected, JsonNode actual, String pointer, List<String> found) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode e = expected.get(name);
                JsonNode a = actual.get(name);
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (e == null || a == null) {
                    found.add(at + (e == null ? " only served" : " only in the contract"));
                } else {
                    differences(e, a, at, found);
                }
            }
        } else {
            found.add(pointer + ": contract " + expected + ", served " + actual);
        }
    }
}
