package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.LibertyServerProcess;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Crash safety of the whole server: a Liberty server of its own ({@code fileshareCrash}, created and
 * deployed by the build) is killed with SIGKILL while 20 binary uploads stream into it, then restarted on the
 * same data directory. Every file must then be exactly its old or its new content, an acknowledged upload must
 * have survived, the listing must describe what is stored, and the store must open on its own and keep working.
 */
class ServerCrashIT {
    private static final int KIB = 1024;
    private static final int MIB = Contents.MIB;
    /** Sizes of the ten files before the crash, of their new versions, and of the ten new files: some of 8 to 32 MiB. */
    private static final int[] OLD_SIZES = {
        32 * MIB, 16 * MIB, 8 * MIB, 3 * MIB, MIB, 256 * KIB, 64 * KIB, 4 * KIB, 1, 0
    };

    private static final int[] NEW_SIZES = {
        24 * MIB, 20 * MIB, 8 * MIB + 1, 2 * MIB, 3 * MIB / 2, 512 * KIB, 100 * KIB, 10 * KIB, 777, KIB
    };
    private static final int[] ADDED_SIZES = {16 * MIB, 10 * MIB, 3 * MIB, MIB, 300 * KIB, 64 * KIB, 8 * KIB, KIB, 17, 0
    };
    /** Uploads this large stream at {@link #SLOW_RATE}, so they are still in flight when the server dies. */
    private static final int LARGE = 8 * MIB;

    private static final long SLOW_RATE = 512 * KIB;
    /** The kill comes once this many uploads were acknowledged (or {@link #KILL_AFTER} passed). */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 8;

    private static final Duration KILL_AFTER = Duration.ofSeconds(15);
    private static final Duration START_LIMIT = Duration.ofSeconds(240);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(90);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final LibertyServerProcess server = FileshareServer.crashServer();
    private final Path dataDir = FileshareServer.crashDataDir();
    private final URI baseUri = server.baseUri();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon());
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();

    @BeforeEach
    void freshServer() throws Exception {
        if (server.answers(http)) {
            // One left running by an aborted earlier run: stop it, or give up rather than touch someone else's server.
            server.stop(STOP_LIMIT);
            assertThat(server.answers(http))
                    .as("something else answers on %s; pass -Dit.crash.http.port=<a free port>", baseUri)
                    .isFalse();
        }
        deleteRecursively(dataDir);
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
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aServerKilledMidUploadKeepsEveryFileOldOrNew() throws Exception {
        long started = System.nanoTime();
        server.start(Duration.ofSeconds(60));
        server.awaitReady(http, START_LIMIT);

        String username = UniqueNames.user("crash");
        String password = "pw-" + username;
        assertThat(send(json("register", null, FileshareClient.credentials(username, password)))
                        .statusCode())
                .isEqualTo(200);
        String token = login(username, password);

        // Ten files with known old contents.
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < OLD_SIZES.length; i++) {
            String name = "file-" + i + ".bin";
            byte[] old = Contents.random(100 + i, OLD_SIZES[i]);
            HttpResponse<String> created = send(binaryPut(token, name, BodyPublishers.ofByteArray(old)));
            assertThat(created.statusCode()).as("%s: %s", name, created.body()).isEqualTo(201);
            uploads.add(new Upload(name, Contents.sha256(old), Contents.random(200 + i, NEW_SIZES[i]), i));
        }
        for (int i = 0; i < ADDED_SIZES.length; i++) {
            uploads.add(new Upload("added-" + i + ".bin", null, Contents.random(300 + i, ADDED_SIZES[i]), 10 + i));
        }

        // Twenty uploads at once, each streamed at its own pace; the large ones take many seconds.
        long pid = server.jvmPid();
        for (Upload upload : uploads) {
            upload.response = http.sendAsync(binaryPut(token, upload.name, upload.body()), BodyHandlers.ofString());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long killAfter = System.nanoTime() + KILL_AFTER.toNanos();
        while (!(allStarted(uploads)
                && (acknowledged(uploads) >= ACKNOWLEDGED_BEFORE_KILL || System.nanoTime() > killAfter))) {
            assertThat(System.nanoTime())
                    .as("every upload under way within 60 s")
                    .isLessThan(deadline);
            for (Upload upload : uploads) {
                if (upload.response.isDone() && !upload.acknowledged()) {
                    throw new AssertionError(upload.name + " failed before the kill: " + upload.outcome());
                }
            }
            Thread.sleep(10);
        }
        List<Upload> inFlight = uploads.stream().filter(Upload::midBody).toList();
        long killed = server.kill(Duration.ofSeconds(60));
        assertThat(killed).isEqualTo(pid);

        // What the kill interrupted. An acknowledged upload was committed before its answer left the server.
        for (Upload upload : uploads) {
            try {
                upload.response.get(60, TimeUnit.SECONDS);
            } catch (Exception cutOff) {
                // expected for the uploads in flight
            }
        }
        Set<Upload> acknowledged = new HashSet<>();
        for (Upload upload : uploads) {
            if (upload.acknowledged()) {
                assertThat(upload.response.get().statusCode())
                        .as("%s: %s", upload.name, upload.outcome())
                        .isEqualTo(upload.oldSha256 == null ? 201 : 200);
                acknowledged.add(upload);
            }
        }
        long partialWrites = countFiles(dataDir.resolve("tmp"));
        assertThat(inFlight)
                .as("uploads in the middle of their body when the server died")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(partialWrites)
                .as("unfinished blob writes the kill left in %s", dataDir.resolve("tmp"))
                .isPositive();

        // The same server on the same data directory: it must open the store by itself.
        server.start(Duration.ofSeconds(60));
        server.awaitReady(http, START_LIMIT);

        SoftAssertions softly = new SoftAssertions();
        HttpResponse<String> listing = send(get(token, "files"));
        softly.assertThat(listing.statusCode())
                .as("the session from before the crash still works")
                .isEqualTo(200);
        Map<String, JsonObject> listed = new HashMap<>();
        for (JsonObject entry : Json.createReader(new java.io.StringReader(listing.body()))
                .readArray()
                .getValuesAs(JsonObject.class)) {
            listed.put(entry.getString("file_name"), entry);
        }
        int oldCount = 0;
        int newCount = 0;
        int absent = 0;
        Set<String> present = new HashSet<>();
        for (Upload upload : uploads) {
            HttpResponse<byte[]> download =
                    http.send(get(token, "file?file_name=" + upload.name), BodyHandlers.ofByteArray());
            if (download.statusCode() == 404) {
                softly.assertThat(upload.oldSha256)
                        .as("%s was there before the crash, and is gone", upload.name)
                        .isNull();
                softly.assertThat(acknowledged)
                        .as("%s was acknowledged, and is gone", upload.name)
                        .doesNotContain(upload);
                softly.assertThat(listed)
                        .as("listing of the absent %s", upload.name)
                        .doesNotContainKey(upload.name);
                absent++;
                continue;
            }
            softly.assertThat(download.statusCode())
                    .as("download of %s", upload.name)
                    .isEqualTo(200);
            present.add(upload.name);
            String sha256 = Contents.sha256(download.body());
            if (sha256.equals(upload.newSha256)) {
                newCount++;
            } else if (sha256.equals(upload.oldSha256)) {
                oldCount++;
                softly.assertThat(acknowledged)
                        .as("%s was acknowledged, yet holds its old content", upload.name)
                        .doesNotContain(upload);
            } else {
                softly.fail(
                        "%s is neither its old nor its new content (%d bytes)", upload.name, download.body().length);
            }
            JsonObject entry = listed.get(upload.name);
            softly.assertThat(entry).as("listing entry of %s", upload.name).isNotNull();
            if (entry != null) {
                softly.assertThat(entry.getJsonNumber("size").longValue())
                        .as("listed size of %s", upload.name)
                        .isEqualTo(download.body().length);
                softly.assertThat(download.headers().firstValue("ETag"))
                        .as("ETag of %s", upload.name)
                        .contains(entry.getString("etag"));
            }
        }
        softly.assertThat(listed.keySet())
                .as("the listing holds exactly the files that download")
                .isEqualTo(present);

        // The recovery sweep removed what the kill left half-written, and no stored version lost its blob.
        softly.assertThat(countFiles(dataDir.resolve("tmp")))
                .as("unfinished writes after the restart")
                .isZero();
        long versions = 0;
        for (String name : present) {
            HttpResponse<String> listedVersions =
                    send(get(token, "file/versions?file_name=" + FileshareClient.encode(name)));
            versions += Json.createReader(new java.io.StringReader(listedVersions.body()))
                    .readArray()
                    .size();
        }
        softly.assertThat(countFiles(dataDir.resolve("blobs")))
                .as("blobs after the restart: one per version of each file (an overwrite keeps the old one)")
                .isEqualTo(versions);

        // The store works: a new upload reads back, and logging in still works.
        byte[] after = Contents.random(999, 3 * MIB);
        HttpResponse<String> put = send(binaryPut(token, "after-restart.bin", BodyPublishers.ofByteArray(after)));
        softly.assertThat(put.statusCode())
                .as("upload after the restart: %s", put.body())
                .isEqualTo(201);
        HttpResponse<byte[]> back =
                http.send(get(token, "file?file_name=after-restart.bin"), BodyHandlers.ofByteArray());
        softly.assertThat(back.statusCode()).isEqualTo(200);
        softly.assertThat(Contents.sha256(back.body()))
                .as("download after the restart")
                .isEqualTo(Contents.sha256(after));
        String fresh = login(username, password);
        softly.assertThat(send(get(fresh, "files")).statusCode())
                .as("a new session after the restart")
                .isEqualTo(200);
        softly.assertAll();

        System.out.printf(
                "ServerCrashIT: SIGKILL to Liberty pid %d with %d of 20 uploads acknowledged, %d mid-body, "
                        + "%d unfinished blob write(s) on disk; after restart %d new, %d old, %d absent; %.1f s in all%n",
                killed,
                acknowledged.size(),
                inFlight.size(),
                partialWrites,
                newCount,
                oldCount,
                absent,
                (System.nanoTime() - started) / 1e9);
    }

    private String login(String username, String password) throws Exception {
        HttpResponse<String> login = send(json("login", null, FileshareClient.credentials(username, password)));
        assertThat(login.statusCode()).as("login: %s", login.body()).isEqualTo(200);
        return Json.createReader(new java.io.StringReader(login.body()))
                .readObject()
                .getString("token");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, BodyHandlers.ofString());
    }

    private HttpRequest.Builder builder(String pathAndQuery, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(baseUri.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        return token == null ? builder : builder.header("x-session-token", token);
    }

    private HttpRequest get(String token, String pathAndQuery) {
        return builder(pathAndQuery, token).GET().build();
    }

    private HttpRequest json(String path, String token, JsonObject body) {
        return builder(path, token)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString()))
                .build();
    }

    private HttpRequest binaryPut(String token, String name, HttpRequest.BodyPublisher body) {
        return builder("file?file_name=" + FileshareClient.encode(name), token)
                .header("Content-Type", "application/octet-stream")
                .PUT(body)
                .build();
    }

    private static boolean allStarted(List<Upload> uploads) {
        return uploads.stream().allMatch(upload -> upload.sent.get() > 0 || upload.content.length == 0);
    }

    private static long acknowledged(List<Upload> uploads) {
        return uploads.stream().filter(Upload::acknowledged).count();
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "crash-it-http");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One of the twenty uploads in flight at the kill: an overwrite (old content known) or a new file. */
    private static final class Upload {
        final String name;
        final String oldSha256;
        final byte[] content;
        final String newSha256;
        final long bytesPerSecond;
        final AtomicLong sent = new AtomicLong();
        CompletableFuture<HttpResponse<String>> response;

        Upload(String name, String oldSha256, byte[] content, long index) {
            this.name = name;
            this.oldSha256 = oldSha256;
            this.content = content;
            this.newSha256 = Contents.sha256(content);
            // Large bodies crawl (8 MiB at 512 KiB/s is 16 s); the others finish in 0.3 to 4 s, one after another.
            double seconds = 0.3 + 0.2 * index;
            this.bytesPerSecond =
                    content.length >= LARGE ? SLOW_RATE : Math.max(64 * KIB, (long) (content.length / seconds));
        }

        HttpRequest.BodyPublisher body() {
            if (content.length == 0) {
                return BodyPublishers.noBody();
            }
            return BodyPublishers.fromPublisher(
                    BodyPublishers.ofInputStream(() -> new ThrottledInputStream(content, bytesPerSecond, sent)),
                    content.length);
        }

        boolean acknowledged() {
            return response.isDone()
                    && !response.isCompletedExceptionally()
                    && response.join().statusCode() / 100 == 2;
        }

        boolean midBody() {
            long count = sent.get();
            return !response.isDone() && count > 0 && count < content.length;
        }

        @Override
        public String toString() {
            return name;
        }

        String outcome() {
            if (!response.isDone()) {
                return "in flight";
            }
            try {
                HttpResponse<String> answer = response.join();
                return answer.statusCode() + " " + answer.body();
            } catch (RuntimeException e) {
                return e.toString();
            }
        }
    }

    /** Hands out {@code content} no faster than {@code bytesPerSecond}, counting what was read. */
    private static final class ThrottledInputStream extends InputStream {
        private static final int CHUNK = 16 * KIB;
        private final byte[] content;
        private final long bytesPerSecond;
        private final AtomicLong sent;
        private final long startNanos = System.nanoTime();
        private int position;

        ThrottledInputStream(byte[] content, long bytesPerSecond, AtomicLong sent) {
            this.content = content;
            this.bytesPerSecond = bytesPerSecond;
            this.sent = sent;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= content.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, CHUNK), content.length - position);
            // Wait until the pace allows this chunk's last byte.
            long dueNanos = startNanos + (long) ((position + n) * 1e9 / bytesPerSecond);
            long waitNanos = dueNanos - System.nanoTime();
            if (waitNanos > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(waitNanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("upload interrupted");
                }
            }
            System.arraycopy(content, position, buffer, offset, n);
            position += n;
            sent.set(position);
            return n;
        }
    }
}
