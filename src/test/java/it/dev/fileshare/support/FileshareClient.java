package it.dev.fileshare.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The original seven calls over the JDK HttpClient, each answering status, headers and body. It sends what
 * a client of the API would; tests that need to send something odd build the request with {@link #request}.
 */
public final class FileshareClient {
    /** One HttpClient for all tests: connections are reused as a real client's would be. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** For streamed transfers of hundreds of MiB: the time until the answer's head, which follows the whole upload. */
    public static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(10);

    /** How a request carries its session token. */
    public enum TokenHeader {
        SESSION_TOKEN,
        BEARER
    }

    private final TokenHeader tokenHeader;
    /** Sent as X-Forwarded-For when not null; the IT servers trust the loopback peer as a proxy. */
    private final String clientAddress;
    /** The server's root, ending in {@code /}; null: the server under test. */
    private final URI server;

    public FileshareClient() {
        this(TokenHeader.SESSION_TOKEN);
    }

    public FileshareClient(TokenHeader tokenHeader) {
        this(tokenHeader, null, null);
    }

    private FileshareClient(TokenHeader tokenHeader, String clientAddress, URI server) {
        this.tokenHeader = tokenHeader;
        this.clientAddress = clientAddress;
        this.server = server;
    }

    /** This client talking to the server at {@code root} (ending in {@code /}): one a test started itself. */
    public FileshareClient at(URI root) {
        return new FileshareClient(tokenHeader, clientAddress, root);
    }

    /**
     * This client as seen from {@code address}: its requests say {@code X-Forwarded-For: address}, which the test
     * servers believe since they trust their loopback peer as a proxy. Login throttling counts per address.
     */
    public FileshareClient from(String address) {
        return new FileshareClient(tokenHeader, address, server);
    }

    public ApiResponse register(String username, String password) {
        return postJson("register", null, credentials(username, password));
    }

    public ApiResponse login(String username, String password) {
        return postJson("login", null, credentials(username, password));
    }

    public ApiResponse logout(String token) {
        return send(request("logout", token).POST(BodyPublishers.noBody()));
    }

    public ApiResponse upload(String token, String fileName, byte[] content) {
        return uploadBase64(token, fileName, Base64.getEncoder().encodeToString(content));
    }

    public ApiResponse uploadBase64(String token, String fileName, String base64) {
        JsonObject body = Json.createObjectBuilder()
                .add("file_name", fileName)
                .add("content", base64)
                .build();
        return send(request("file", token)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body.toString())));
    }

    /** The caller's own file, as raw bytes. */
    public ApiResponse download(String token, String fileName) {
        return send(request("file?file_name=" + encode(fileName), token).GET());
    }

    /** Another user's file, as raw bytes. */
    public ApiResponse download(String token, String owner, String fileName) {
        return send(request("file?" + fileQuery(owner, fileName), token).GET());
    }

    /** A file as Base64 text, as the original's README describes. */
    public ApiResponse downloadBase64(String token, String owner, String fileName) {
        return send(request("file?" + fileQuery(owner, fileName), token)
                .header("Accept", "text/plain")
                .GET());
    }

    public ApiResponse list(String token) {
        return send(request("files", token).GET());
    }

    /** GET /files with a query of its own, e.g. {@code limit=10&cursor=...} (already encoded). */
    public ApiResponse list(String token, String query) {
        return send(request("files?" + query, token).GET());
    }

    public ApiResponse deleteFile(String token, String fileName) {
        return send(request("file?file_name=" + encode(fileName), token).DELETE());
    }

    /** DELETE /share: the owner stops sharing {@code fileName} with {@code grantee}. */
    public ApiResponse revokeShare(String token, String fileName, String grantee) {
        return send(request("share?file_name=" + encode(fileName) + "&username=" + encode(grantee), token)
                .DELETE());
    }

    /** DELETE /shared: the caller, a grantee, removes {@code owner}'s file from their list. */
    public ApiResponse leave(String token, String owner, String fileName) {
        return send(request("shared?file_name=" + encode(fileName) + "&owner=" + encode(owner), token)
                .DELETE());
    }

    /** GET /file/versions of {@code owner}'s file (the caller's own when {@code owner} is null). */
    public ApiResponse versions(String token, String owner, String fileName) {
        String query = owner == null ? "file_name=" + encode(fileName) : fileQuery(owner, fileName);
        return send(request("file/versions?" + query, token).GET());
    }

    /** GET /file?version= of {@code owner}'s file (the caller's own when {@code owner} is null), raw bytes. */
    public ApiResponse downloadVersion(String token, String owner, String fileName, String version, String... headers) {
        String query = owner == null ? "file_name=" + encode(fileName) : fileQuery(owner, fileName);
        HttpRequest.Builder request = request("file?" + query + "&version=" + encode(version), token);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET());
    }

    public ApiResponse restoreVersion(String token, String fileName, String version) {
        return postJson(
                "file/restore",
                token,
                Json.createObjectBuilder()
                        .add("file_name", fileName)
                        .add("version", version)
                        .build());
    }

    public ApiResponse trash(String token) {
        return send(request("trash", token).GET());
    }

    public ApiResponse restoreFromTrash(String token, String fileName) {
        return postJson(
                "trash/restore",
                token,
                Json.createObjectBuilder().add("file_name", fileName).build());
    }

    public ApiResponse purge(String token, String fileName) {
        return send(request("trash?file_name=" + encode(fileName), token).DELETE());
    }

    public ApiResponse share(String token, String fileName, String username) {
        JsonObject body = Json.createObjectBuilder()
                .add("file_name", fileName)
                .add("username", username)
                .build();
        return postJson("share", token, body);
    }

    /** A binary upload (PUT /file, application/octet-stream) of {@code content}, with extra header name/value pairs. */
    public ApiResponse uploadBinary(String token, String fileName, byte[] content, String... headers) {
        return send(
                withHeaders(binaryUploadRequest(token, fileName), headers).PUT(BodyPublishers.ofByteArray(content)));
    }

    /**
     * A binary upload streamed from {@code content} ({@code length} bytes, announced as Content-Length): the
     * bytes go from the stream to the socket, never held whole.
     */
    public ApiResponse uploadBinary(
            String token, String fileName, Supplier<InputStream> content, long length, String... headers) {
        return send(withHeaders(binaryUploadRequest(token, fileName), headers)
                .timeout(TRANSFER_TIMEOUT)
                .PUT(streamOf(content, length)));
    }

    /** A binary upload of a file on disk, streamed from it. */
    public ApiResponse uploadFile(String token, String fileName, Path file) {
        try {
            return send(binaryUploadRequest(token, fileName)
                    .timeout(TRANSFER_TIMEOUT)
                    .PUT(BodyPublishers.ofFile(file)));
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another user's (or, with {@code owner} the caller, one's own) file written to {@code target}, streamed. */
    public HttpResponse<Path> downloadToFile(String token, String owner, String fileName, Path target) {
        HttpRequest.Builder request = request("file?" + fileQuery(owner, fileName), token)
                .timeout(TRANSFER_TIMEOUT)
                .GET();
        return call(request, BodyHandlers.ofFile(target));
    }

    /** A file of {@code owner}'s read through SHA-256 as it arrives: its status, headers, size and hash. */
    public Streamed downloadStreamed(String token, String owner, String fileName, String... headers) {
        return streamed(withHeaders(request("file?" + fileQuery(owner, fileName), token), headers)
                .timeout(TRANSFER_TIMEOUT)
                .GET());
    }

    /** POST /file/upload-url for {@code fileName}, with {@code size} when not null and extra string fields as pairs. */
    public ApiResponse uploadUrl(String token, String fileName, Long size, String... fields) {
        var body = Json.createObjectBuilder().add("file_name", fileName);
        if (size != null) {
            body.add("size", size);
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.add(fields[i], fields[i + 1]);
        }
        return postJson("file/upload-url", token, body.build());
    }

    /** GET /file/download-url for a file of {@code owner}'s. */
    public ApiResponse downloadUrl(String token, String owner, String fileName) {
        return send(request("file/download-url?" + fileQuery(owner, fileName), token)
                .GET());
    }

    /** POST /links for {@code fileName}, with extra fields as name/value pairs (a Long or a String each). */
    public ApiResponse createLink(String token, String fileName, Object... fields) {
        var body = Json.createObjectBuilder().add("file_name", fileName);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] instanceof Number number) {
                body.add((String) fields[i], number.longValue());
            } else {
                body.add((String) fields[i], String.valueOf(fields[i + 1]));
            }
        }
        return postJson("links", token, body.build());
    }

    /** GET /links, or with {@code fileName} not null only the links to that file. */
    public ApiResponse listLinks(String token, String fileName) {
        return send(request(fileName == null ? "links" : "links?file_name=" + encode(fileName), token)
                .GET());
    }

    /** DELETE /links/{link}: {@code link} is a handle or an id. */
    public ApiResponse deleteLink(String token, String link) {
        return send(request("links/" + encode(link), token).DELETE());
    }

    /** GET /links/{link}/accesses. */
    public ApiResponse linkAccesses(String token, String link) {
        return send(request("links/" + encode(link) + "/accesses", token).GET());
    }

    /**
     * A request to a public link's URL, with no session, from this client's address, with extra header name/value
     * pairs.
     */
    public HttpRequest.Builder toLink(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        return withHeaders(builder, headers);
    }

    /**
     * A request to a transfer URL as the service returned it: its {@code method} to its {@code url} with its
     * {@code headers}; no session, nothing else added.
     */
    public static HttpRequest.Builder follow(JsonObject link, BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(link.getString("url")))
                .timeout(TRANSFER_TIMEOUT)
                .method(link.getString("method"), body);
        JsonObject headers = link.getJsonObject("headers");
        if (headers != null) {
            headers.forEach((name, value) -> request.header(name, ((JsonString) value).getString()));
        }
        return request;
    }

    /** {@code length} bytes read from a new stream of {@code content} at each send, with that Content-Length. */
    public static BodyPublisher streamOf(Supplier<InputStream> content, long length) {
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(content), length);
    }

    /** Sends {@code request} and reads the answer's body through SHA-256, holding no more of it than a buffer. */
    public static Streamed streamed(HttpRequest.Builder request) {
        HttpResponse<InputStream> response = call(request, BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            Contents.Digest digest = Contents.digest(body);
            return new Streamed(response.statusCode(), response.headers(), digest.size(), digest.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer whose body was streamed through SHA-256 rather than kept. */
    public record Streamed(int status, HttpHeaders headers, long size, String sha256) {
        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private HttpRequest.Builder binaryUploadRequest(String token, String fileName) {
        return request("file?file_name=" + encode(fileName), token).header("Content-Type", "application/octet-stream");
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static <T> HttpResponse<T> call(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** DELETE /sessions: log out everywhere. */
    public ApiResponse logoutEverywhere(String token) {
        return send(request("sessions", token).DELETE());
    }

    /** GET /account. */
    public ApiResponse account(String token) {
        return send(request("account", token).GET());
    }

    /** PUT /account/password with {@code body} as it is (a JSON text or anything else). */
    public ApiResponse changePassword(String token, String body) {
        return send(request("account/password", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** PUT /account/password {current_password, new_password}. */
    public ApiResponse changePassword(String token, String currentPassword, String newPassword) {
        return changePassword(
                token,
                Json.createObjectBuilder()
                        .add("current_password", currentPassword)
                        .add("new_password", newPassword)
                        .build()
                        .toString());
    }

    /** DELETE /account with {@code body} as it is (a JSON text or anything else). */
    public ApiResponse deleteAccount(String token, String body) {
        return send(request("account", token)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** DELETE /account {password}. */
    public ApiResponse deleteAccountWith(String token, String password) {
        return deleteAccount(
                token,
                Json.createObjectBuilder().add("password", password).build().toString());
    }

    /** Registers and logs in a new user whose name starts with {@code prefix}. */
    public Session signUp(String prefix) {
        String username = registered(prefix);
        String password = passwordOf(username);
        ApiResponse login = expect(login(username, password), "log in " + username);
        return new Session(username, password, login.json().getString("token"));
    }

    /** Registers a new user whose name starts with {@code prefix}, without logging in; the username. */
    public String registered(String prefix) {
        String username = UniqueNames.user(prefix);
        expect(register(username, passwordOf(username)), "register " + username);
        return username;
    }

    /** The password of a user this client registered. */
    public static String passwordOf(String username) {
        return "pw-" + username;
    }

    /** A request to {@code pathAndQuery} carrying {@code token} (none when null) the way this client sends it. */
    public HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        server == null
                                ? FileshareServer.uri(pathAndQuery)
                                : server.resolve(
                                        pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery))
                .timeout(REQUEST_TIMEOUT);
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        if (token != null) {
            if (tokenHeader == TokenHeader.BEARER) {
                builder.header("Authorization", "Bearer " + token);
            } else {
                builder.header("x-session-token", token);
            }
        }
        return builder;
    }

    public static ApiResponse send(HttpRequest.Builder request) {
        var response = call(request, BodyHandlers.ofByteArray());
        return new ApiResponse(response.statusCode(), response.headers(), response.body());
    }

    /** The query that names {@code owner}'s file {@code fileName}: {@code file_name=...&username=...}. */
    public static String fileQuery(String owner, String fileName) {
        return "file_name=" + encode(fileName) + "&username=" + encode(owner);
    }

    /** Query parameter encoding with %20 for a space: a '+' would be read as a plus by some servers. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ApiResponse postJson(String path, String token, JsonObject body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString())));
    }

    /** The body of POST /register and POST /login. */
    public static JsonObject credentials(String username, String password) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build();
    }

    private static ApiResponse expect(ApiResponse response, String what) {
        if (response.status() != 200) {
            throw new AssertionError("could not " + what + ": " + response);
        }
        return response;
    }
}
