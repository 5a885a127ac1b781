package it.dev.fileshare;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The original seven calls over the JDK HttpClient, each answering status, headers and body. It sends what
 * a client of the API would; tests that need to send something odd build the request with {@link #request}.
 */
final class FileshareClient {
    /** One HttpClient for all tests: connections are reused as a real client's would be. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** How a request carries its session token. */
    enum TokenHeader {
        SESSION_TOKEN, BEARER
    }

    private final TokenHeader tokenHeader;

    FileshareClient() {
        this(TokenHeader.SESSION_TOKEN);
    }

    FileshareClient(TokenHeader tokenHeader) {
        this.tokenHeader = tokenHeader;
    }

    ApiResponse register(String username, String password) {
        return postJson("register", null, credentials(username, password));
    }

    ApiResponse login(String username, String password) {
        return postJson("login", null, credentials(username, password));
    }

    ApiResponse logout(String token) {
        return send(request("logout", token).POST(BodyPublishers.noBody()));
    }

    ApiResponse upload(String token, String fileName, byte[] content) {
        return uploadBase64(token, fileName, Base64.getEncoder().encodeToString(content));
    }

    ApiResponse uploadBase64(String token, String fileName, String base64) {
        JsonObject body = Json.createObjectBuilder().add("file_name", fileName).add("content", base64).build();
        return send(request("file", token).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body.toString())));
    }

    /** The caller's own file, as raw bytes. */
    ApiResponse download(String token, String fileName) {
        return send(request("file?file_name=" + encode(fileName), token).GET());
    }

    /** Another user's file, as raw bytes. */
    ApiResponse download(String token, String owner, String fileName) {
        return send(request("file?file_name=" + encode(fileName) + "&username=" + encode(owner), token).GET());
    }

    /** A file as Base64 text, as the original's README describes. */
    ApiResponse downloadBase64(String token, String owner, String fileName) {
        return send(request("file?file_name=" + encode(fileName) + "&username=" + encode(owner), token)
                .header("Accept", "text/plain").GET());
    }

    ApiResponse list(String token) {
        return send(request("files", token).GET());
    }

    ApiResponse share(String token, String fileName, String username) {
        JsonObject body = Json.createObjectBuilder().add("file_name", fileName).add("username", username).build();
        return postJson("share", token, body);
    }

    /** Registers and logs in a new user whose name starts with {@code prefix}. */
    Session signUp(String prefix) {
        String username = UniqueNames.user(prefix);
        String password = "pw-" + username;
        expect(register(username, password), "register " + username);
        ApiResponse login = expect(login(username, password), "log in " + username);
        return new Session(username, password, login.json().getString("token"));
    }

    /** A request to {@code pathAndQuery} carrying {@code token} (none when null) the way this client sends it. */
    HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(FileshareServer.uri(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            if (tokenHeader == TokenHeader.BEARER) {
                builder.header("Authorization", "Bearer " + token);
            } else {
                builder.header("x-session-token", token);
            }
        }
        return builder;
    }

    static ApiResponse send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Query parameter encoding with %20 for a space: a '+' would be read as a plus by some servers. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ApiResponse postJson(String path, String token, JsonObject body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString())));
    }

    private static JsonObject credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build();
    }

    private static ApiResponse expect(ApiResponse response, String what) {
        if (response.status() != 200) {
            throw new AssertionError("could not " + what + ": " + response);
        }
        return response;
    }
}
