package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.LibertyServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tus upload in the local mode outlives its server: ServerCrashIT's server is killed (SIGKILL) while a chunk
 * streams in, restarted on the same data directory, and the upload resumes from the offset it reports (the
 * chunk cut off is not part of it) and becomes the file, byte for byte.
 */
class TusRestartIT {
    private static final int MIB = Contents.MIB;
    private static final Duration START_LIMIT = Duration.ofSeconds(240);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(90);
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final LibertyServerProcess server = FileshareServer.crashServer();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tus-restart-it-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();

    @BeforeEach
    void noServerYet() throws Exception {
        if (server.answers(http)) {
            server.stop(STOP_LIMIT);
        }
        assertThat(server.answers(http))
                .as("something else answers on %s", server.baseUri())
                .isFalse();
    }

    @AfterEach
    void stopServer() throws Exception {
        try {
            server.stop(STOP_LIMIT);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void anUploadResumesAfterTheServerWasKilledMidChunk() throws Exception {
        server.start(Duration.ofSeconds(60));
        server.awaitReady(http, START_LIMIT);
        String user = "tusrestart" + System.nanoTime();
        String credentials = "{\"username\":\"" + user + "\",\"password\":\"pw-" + user + "\"}";
        assertThat(send(post("register", credentials)).statusCode()).isEqualTo(200);
        String token = login(credentials);
        byte[] content = Contents.random(11, 3 * MIB + 5);

        HttpResponse<String> created = send(tus("uploads", token)
                .header("Upload-Length", String.valueOf(content.length))
                .header(
                        "Upload-Metadata",
                        "filename "
                                + Base64.getEncoder().encodeToString("survivor.bin".getBytes(StandardCharsets.UTF_8)))
                .POST(BodyPublishers.noBody()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String upload = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath()
                .substring(1);
        assertThat(send(patch(upload, token, 0, Arrays.copyOf(content, MIB))).statusCode())
                .isEqualTo(204);

        // The second chunk: half of it arrives, then the sender stalls, and the server dies.
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        InputStream stalling = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent == MIB / 2) {
                    halfSent.countDown();
                    try {
                        killed.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("the sender gave up");
                }
                return content[MIB + sent++] & 0xff;
            }
        };
        CompletableFuture<HttpResponse<String>> cutOff = http.sendAsync(
                tus(upload, token)
                        .header("Upload-Offset", String.valueOf(MIB))
                        .header("Content-Type", "application/offset+octet-stream")
                        .method(
                                "PATCH",
                                BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> stalling), MIB))
                        .build(),
                BodyHandlers.ofString());
        assertThat(halfSent.await(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500);
        server.kill(Duration.ofSeconds(60));
        killed.countDown();
        assertThat(cutOff).failsWithin(Duration.ofSeconds(60));

        server.start(Duration.ofSeconds(60));
        server.awaitReady(http, START_LIMIT);
        HttpResponse<String> head = send(tus(upload, token).method("HEAD", BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset"))
                .as("the chunk cut off is no part of it")
                .contains(String.valueOf(MIB));

        HttpResponse<String> last = send(patch(upload, token, MIB, Arrays.copyOfRange(content, MIB, content.length)));
        assertThat(last.statusCode()).as(last.body()).isEqualTo(204);
        HttpResponse<byte[]> stored = http.send(
                HttpRequest.newBuilder(server.baseUri().resolve("file?file_name=survivor.bin"))
                        .header("x-session-token", token)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                BodyHandlers.ofByteArray());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("ETag")).isEqualTo(last.headers().firstValue("ETag"));
        assertThat(Contents.sha256(stored.body())).isEqualTo(Contents.sha256(content));
    }

    private String login(String credentials) throws Exception {
        HttpResponse<String> login = send(post("login", credentials));
        assertThat(login.statusCode()).isEqualTo(200);
        Matcher token = TOKEN.matcher(login.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(server.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder tus(String path, String token) {
        return HttpRequest.newBuilder(server.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("x-session-token", token)
                .header("Tus-Resumable", "1.0.0");
    }

    private HttpRequest.Builder patch(String upload, String token, long offset, byte[] chunk) {
        return tus(upload, token)
                .header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", BodyPublishers.ofByteArray(chunk));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
