package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client written for the original API works unchanged. Its users ran {@code curl -d '{...}'}, which labels
 * the JSON {@code application/x-www-form-urlencoded}, or sent no Content-Type at all, and {@code Accept: *}{@code /*}.
 */
class OriginalClientIT {
    private static final String NONE = "none";
    private final FileshareClient client = new FileshareClient();

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", NONE, "text/plain"})
    void theWholeFlowAnswers200(String contentType) {
        String alice = UniqueNames.user("orig");
        String bob = UniqueNames.user("orig-friend");
        String password = "original password";

        assertOk(send(contentType, "register", null, "POST", FileshareClient.credentials(alice, password)));
        assertOk(send(contentType, "register", null, "POST", FileshareClient.credentials(bob, password)));
        ApiResponse login =
                assertOk(send(contentType, "login", null, "POST", FileshareClient.credentials(alice, password)));
        String token = login.json().getString("token");

        byte[] content = Contents.everyByteValue();
        JsonObject upload = Json.createObjectBuilder()
                .add("file_name", "report.pdf")
                .add("content", Base64.getEncoder().encodeToString(content))
                .build();
        assertOk(send(contentType, "file", token, "PUT", upload));

        ApiResponse download = assertOk(FileshareClient.send(client.request("file?file_name=report.pdf", token)
                .header("Accept", "*/*")
                .GET()));
        assertThat(download.body()).isEqualTo(content);

        ApiResponse list = assertOk(FileshareClient.send(
                client.request("files", token).header("Accept", "*/*").GET()));
        assertThat(list.jsonArray().getJsonObject(0).getString("key")).isEqualTo(alice + "/report.pdf");
        assertThat(list.jsonArray().getJsonObject(0).getJsonNumber("size").longValue())
                .isEqualTo(256);

        JsonObject share = Json.createObjectBuilder()
                .add("file_name", "report.pdf")
                .add("username", bob)
                .build();
        assertOk(send(contentType, "share", token, "POST", share));

        // curl -X POST with no body, as the original's logout was called.
        assertOk(FileshareClient.send(
                client.request("logout", token).header("Accept", "*/*").POST(BodyPublishers.noBody())));
        assertThat(client.list(token).status()).isEqualTo(401);
    }

    private ApiResponse send(String contentType, String path, String token, String method, JsonObject body) {
        HttpRequest.Builder request = client.request(path, token)
                .header("Accept", "*/*")
                .method(method, BodyPublishers.ofString(body.toString()));
        if (!NONE.equals(contentType)) {
            request.header("Content-Type", contentType);
        }
        return FileshareClient.send(request);
    }

    private static ApiResponse assertOk(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }
}
