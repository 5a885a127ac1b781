package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.fileshare.client.ApiClient;
import dev.fileshare.client.ApiException;
import dev.fileshare.client.ApiResponse;
import dev.fileshare.client.api.AccountsApi;
import dev.fileshare.client.api.FilesApi;
import dev.fileshare.client.api.LinksApi;
import dev.fileshare.client.api.SharingApi;
import dev.fileshare.client.api.TrashApi;
import dev.fileshare.client.api.VersionsApi;
import dev.fileshare.client.model.Credentials;
import dev.fileshare.client.model.FieldError;
import dev.fileshare.client.model.FileEntry;
import dev.fileshare.client.model.FileUpload;
import dev.fileshare.client.model.Link;
import dev.fileshare.client.model.LinkAccess;
import dev.fileshare.client.model.LinkRequest;
import dev.fileshare.client.model.NewLink;
import dev.fileshare.client.model.Problem;
import dev.fileshare.client.model.ShareRequest;
import dev.fileshare.client.model.TransferUrl;
import dev.fileshare.client.model.TrashEntry;
import dev.fileshare.client.model.TrashRestoreRequest;
import dev.fileshare.client.model.UploadUrlRequest;
import dev.fileshare.client.model.VersionEntry;
import dev.fileshare.client.model.VersionRestoreRequest;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The whole API through the Java client generated from the contract ({@code java}, {@code native} library) and
 * nothing else: what a Java developer who generates a client gets, errors included.
 */
class GeneratedJavaClientIT {
    private static final String PASSWORD = "correct horse battery staple";
    /** FileUpload.content is `format: byte`: the generated model takes bytes and sends them in Base64. */
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    private final AccountsApi accounts = new AccountsApi(client(null));
    private String alice;
    private String aliceToken;
    private String bob;
    private String bobToken;

    @BeforeEach
    void registerAndLogIn() throws ApiException {
        alice = register("alice");
        aliceToken = login(alice);
        bob = register("bob");
        bobToken = login(bob);
    }

    @Test
    void loginAnswersAToken() throws ApiException {
        var session = accounts.login(new Credentials().username(alice).password(PASSWORD));
        assertThat(session.getToken()).hasSize(43);
        assertThat(session.getExpiresAt()).isAfter(OffsetDateTime.now());
    }

    @Test
    void jsonUploadIsListed() throws ApiException {
        FileEntry entry = files(aliceToken)
                .uploadFile(new FileUpload().fileName("notes.txt").content(HELLO), null, null, null, null, null);

        assertThat(entry.getKey()).isEqualTo(alice + "/notes.txt");
        assertThat(entry.getOwner()).isEqualTo(alice);
        assertThat(entry.getFileName()).isEqualTo("notes.txt");
        assertThat(entry.getSize()).isEqualTo(5);
        assertThat(entry.getEtag()).startsWith("\"").endsWith("\"");
        assertThat(entry.getSha256()).isEqualTo(Contents.sha256(HELLO));
        // S3's listing carries no metadata: the aws store lists the caller's own files without their sha256.
        FileEntry listed = "aws".equals(FileshareServer.store()) ? entry.sha256(null) : entry;
        assertThat(files(aliceToken).listFiles(null, null)).containsExactly(listed);
    }

    @Test
    void binaryUploadCreatesThenReplaces() throws ApiException, IOException {
        ApiResponse<FileEntry> created = binaryUpload(aliceToken, "photo.bin", new byte[] {0, 1, 2, (byte) 255});
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getSize()).isEqualTo(4);

        ApiResponse<FileEntry> replaced =
                binaryUpload(aliceToken, "photo.bin", "second".getBytes(StandardCharsets.UTF_8));
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(replaced.getData().getSize()).isEqualTo(6);
        assertThat(bytes(files(aliceToken).downloadFile("photo.bin", null, null, null, null, null, null, null)))
                .asString()
                .isEqualTo("second");
    }

    @Test
    void sharedFileIsListedAndDownloadedByTheGrantee() throws ApiException, IOException {
        files(aliceToken)
                .uploadFile(new FileUpload().fileName("notes.txt").content(HELLO), null, null, null, null, null);

        assertThat(sharing(aliceToken)
                        .shareFile(new ShareRequest().fileName("notes.txt").username(bob)))
                .isEqualTo(Map.of());
        assertThat(sharing(aliceToken).listShares("notes.txt")).containsExactly(bob);
        assertThat(files(bobToken).listFiles(null, null))
                .extracting(FileEntry::getKey)
                .containsExactly(alice + "/notes.txt");
        assertThat(bytes(files(bobToken).downloadFile("notes.txt", null, null, null, null, alice, null, null)))
                .asString()
                .isEqualTo("hello");

        sharing(aliceToken).revokeShare("notes.txt", bob);
        assertThat(files(bobToken).listFiles(null, null)).isEmpty();

        // Shared again, and this time the grantee removes it from their own list.
        sharing(aliceToken).shareFile(new ShareRequest().fileName("notes.txt").username(bob));
        assertThat(files(bobToken).listFiles(null, 1)).hasSize(1);
        sharing(bobToken).leaveShare("notes.txt", alice);
        assertThat(files(bobToken).listFiles(null, null)).isEmpty();
        assertThat(sharing(aliceToken).listShares("notes.txt")).isEmpty();
    }

    @Test
    void transferUrlsCarryAFileWithoutASession() throws ApiException, IOException {
        // uploadWithUrl / downloadWithUrl are the local mode's /transfer operations; in aws mode the URLs lead
        // to S3 itself, which TransferUrlIT follows.
        FileshareServer.assumeLocalTransferUrls();
        TransferUrl upload = files(aliceToken)
                .createUploadUrl(new UploadUrlRequest().fileName("video.bin").size(3L));
        assertThat(upload.getMethod()).isEqualTo(TransferUrl.MethodEnum.PUT);
        Map<String, String> up = query(upload.getUrl());
        FileEntry entry = new FilesApi(withRawBody(null, new byte[] {7, 8, 9}))
                .uploadWithUrl(
                        up.get("expires"),
                        up.get("file_name"),
                        up.get("owner"),
                        up.get("signature"),
                        up.get("size"),
                        new File("unused"),
                        null,
                        null);
        assertThat(entry.getKey()).isEqualTo(alice + "/video.bin");

        TransferUrl download = files(aliceToken).createDownloadUrl("video.bin", null);
        Map<String, String> down = query(download.getUrl());
        File content = files(null)
                .downloadWithUrl(
                        down.get("expires"),
                        down.get("file_name"),
                        down.get("owner"),
                        down.get("signature"),
                        down.get("version"),
                        null,
                        null,
                        null,
                        null);
        assertThat(bytes(content)).containsExactly(7, 8, 9);
    }

    @Test
    void aPublicLinkServesTheFileWithItsPasswordUntilRevoked() throws ApiException, IOException {
        files(aliceToken)
                .uploadFile(new FileUpload().fileName("notes.txt").content(HELLO), null, null, null, null, null);
        NewLink link = links(aliceToken)
                .createLink(new LinkRequest()
                        .fileName("notes.txt")
                        .password("secret")
                        .maxDownloads(5L));
        assertThat(link.getUrl().toString()).isEqualTo(FileshareServer.baseUrl() + "/l/" + link.getId());
        assertThat(link.getMaxDownloads()).isEqualTo(5);
        assertThat(link.getHasPassword()).isTrue();

        // No session: the link stands in for it, and its password comes as HTTP Basic credentials.
        LinksApi anonymous = new LinksApi(client(null));
        Problem asked = problem(401, () -> anonymous.downloadLink(link.getId(), null, null, null, null, null));
        assertThat(asked.getDetail()).contains("password");
        LinksApi withPassword = new LinksApi(withBasic(":secret"));
        withPassword.headLink(link.getId(), null, null);
        assertThat(bytes(withPassword.downloadLink(link.getId(), null, null, null, null, null)))
                .asString()
                .isEqualTo("hello");

        assertThat(links(aliceToken).listLinks("notes.txt"))
                .extracting(Link::getHandle, Link::getMaxDownloads, Link::getHasPassword)
                .containsExactly(tuple(link.getHandle(), 5L, true));
        // The 401 and the HEAD are logged before they are answered; the download once its body is out.
        assertThat(links(aliceToken).listLinkAccesses(link.getHandle()))
                .extracting(LinkAccess::getStatus)
                .endsWith(200, 401)
                .hasSizeBetween(2, 3);

        links(aliceToken).deleteLink(link.getHandle());
        problem(404, () -> withPassword.downloadLink(link.getId(), null, null, null, null, null));
        problem(404, () -> links(aliceToken).deleteLink(link.getHandle()));
        problem(401, () -> links(null).listLinks(null));
    }

    @Test
    void anOverwriteKeepsAVersionToReadAndRestoreAndADeleteGoesToTheTrash() throws ApiException, IOException {
        files(aliceToken)
                .uploadFile(new FileUpload().fileName("notes.txt").content(HELLO), null, null, null, null, null);
        files(aliceToken)
                .uploadFile(
                        new FileUpload().fileName("notes.txt").content("hello, again".getBytes(StandardCharsets.UTF_8)),
                        null,
                        null,
                        null,
                        null,
                        null);
        sharing(aliceToken).shareFile(new ShareRequest().fileName("notes.txt").username(bob));

        List<VersionEntry> listed = versions(bobToken).listVersions("notes.txt", alice);
        assertThat(listed)
                .extracting(VersionEntry::getSize, VersionEntry::getCurrent)
                .containsExactly(tuple(12L, true), tuple(5L, false));
        String first = listed.get(1).getVersion();
        assertThat(bytes(files(bobToken).downloadFile("notes.txt", null, null, null, null, alice, first, null)))
                .asString()
                .isEqualTo("hello");

        FileEntry restored = versions(aliceToken)
                .restoreVersion(
                        new VersionRestoreRequest().fileName("notes.txt").version(first));
        assertThat(restored.getSize()).isEqualTo(5);
        assertThat(versions(aliceToken).listVersions("notes.txt", null)).hasSize(3);
        problem(
                404,
                () -> versions(aliceToken)
                        .restoreVersion(new VersionRestoreRequest()
                                .fileName("notes.txt")
                                .version("no-such-version")));

        files(aliceToken).deleteFile("notes.txt");
        assertThat(trash(aliceToken).listTrash())
                .extracting(TrashEntry::getFileName, TrashEntry::getSize)
                .containsExactly(tuple("notes.txt", 5L));
        assertThat(trash(aliceToken)
                        .restoreFromTrash(new TrashRestoreRequest().fileName("notes.txt"))
                        .getSize())
                .isEqualTo(5);
        problem(404, () -> trash(aliceToken).purgeFromTrash("notes.txt"));
        files(aliceToken).deleteFile("notes.txt");
        trash(aliceToken).purgeFromTrash("notes.txt");
        assertThat(trash(aliceToken).listTrash()).isEmpty();
    }

    @Test
    void takenUsernameIs409() {
        Problem problem = problem(
                409, () -> accounts.register(new Credentials().username(alice).password(PASSWORD)));
        assertThat(problem.getTitle()).isEqualTo("Conflict");
    }

    @Test
    void invalidUsernameIs400WithTheField() {
        Problem problem = problem(
                400,
                () -> accounts.register(new Credentials().username("no spaces").password(PASSWORD)));
        assertThat(problem.getErrors()).extracting(FieldError::getField).containsExactly("username");
    }

    @Test
    void wrongPasswordIs401() {
        problem(401, () -> accounts.login(new Credentials().username(alice).password("wrong password!")));
    }

    @Test
    void noTokenIs401() {
        problem(401, () -> files(null).listFiles(null, null));
    }

    @Test
    void fileNotSharedWithTheCallerIs404() throws ApiException {
        files(aliceToken)
                .uploadFile(new FileUpload().fileName("secret.txt").content(HELLO), null, null, null, null, null);
        problem(404, () -> files(bobToken).downloadFile("secret.txt", null, null, null, null, alice, null, null));
        problem(404, () -> files(aliceToken).deleteFile("missing.txt"));
    }

    @Test
    void logoutEndsTheSession() throws ApiException {
        assertThat(new AccountsApi(client(bobToken)).logout()).isEqualTo(Map.of());
        problem(401, () -> files(bobToken).listFiles(null, null));
    }

    /** An API error as the generated client surfaces it: ApiException, its body parsed into the generated Problem. */
    private static Problem problem(int status, Executable call) {
        ApiException error = catchThrowableOfType(ApiException.class, call::execute);
        assertThat(error).as("expected %d", status).isNotNull();
        assertThat(error.getCode()).isEqualTo(status);
        assertThat(error.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem;
        try {
            problem = client(null).getObjectMapper().readValue(error.getResponseBody(), Problem.class);
        } catch (IOException e) {
            throw new AssertionError("not a problem: " + error.getResponseBody(), e);
        }
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getMessage()).isEqualTo(problem.getDetail()).isNotBlank();
        return problem;
    }

    /**
     * PUT /file's octet-stream form. The generator types uploadFile's body by its first media type (the JSON
     * FileUpload), so the raw body goes in by the client's request interceptor, its public hook.
     */
    private static ApiResponse<FileEntry> binaryUpload(String token, String fileName, byte[] content)
            throws ApiException {
        return new FilesApi(withRawBody(token, content))
                .uploadFileWithHttpInfo(new FileUpload(), fileName, null, null, null, null);
    }

    /** A client that sends these bytes as the body: the native library writes a File body as JSON (its path). */
    private static ApiClient withRawBody(String token, byte[] content) {
        ApiClient client = client(token);
        var withToken = client.getRequestInterceptor();
        client.setRequestInterceptor(request -> {
            withToken.accept(request);
            request.setHeader("Content-Type", "application/octet-stream")
                    .method("PUT", HttpRequest.BodyPublishers.ofByteArray(content));
        });
        return client;
    }

    /** A client of the generated kind; the native library has no auth support, so the token goes in by interceptor. */
    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(FileshareServer.baseUrl());
        client.setRequestInterceptor(request -> {
            if (token != null) {
                request.setHeader("x-session-token", token);
            }
        });
        return client;
    }

    /** A client that sends {@code userAndPassword} as HTTP Basic credentials (a public link's password). */
    private static ApiClient withBasic(String userAndPassword) {
        ApiClient client = client(null);
        String credentials = Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.setHeader("Authorization", "Basic " + credentials));
        return client;
    }

    private static LinksApi links(String token) {
        return new LinksApi(client(token));
    }

    private static FilesApi files(String token) {
        return new FilesApi(client(token));
    }

    private static VersionsApi versions(String token) {
        return new VersionsApi(client(token));
    }

    private static TrashApi trash(String token) {
        return new TrashApi(client(token));
    }

    private static SharingApi sharing(String token) {
        return new SharingApi(client(token));
    }

    private String register(String prefix) throws ApiException {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(accounts.register(new Credentials().username(username).password(PASSWORD))
                        .getUsername())
                .isEqualTo(username);
        return username;
    }

    private String login(String username) throws ApiException {
        return accounts.login(new Credentials().username(username).password(PASSWORD))
                .getToken();
    }

    private static Map<String, String> query(URI url) {
        assertThat(url.getHost()).isEqualTo("localhost");
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(File downloaded) throws IOException {
        try {
            return Files.readAllBytes(downloaded.toPath());
        } finally {
            Files.deleteIfExists(downloaded.toPath());
        }
    }
}
