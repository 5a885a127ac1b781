package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ConcurrentTasks;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Load: {@value #DEFAULT_CLIENTS} clients at once, each a user of its own, doing a mix of uploads
 * (JSON and binary), downloads, listings and shares for a bounded time (system property {@code it.load.seconds},
 * default {@value #DEFAULT_SECONDS}; {@code it.load.clients} for the count), with a few logins, logouts and
 * registrations among them. Every answer must have the status the test's model of all users' files and shares
 * predicts, every download must be a version its owner uploaded (the last acknowledged one, or one still being
 * written when someone else reads it), and no user may see a file that is neither theirs nor shared with them.
 * Argon2 makes each login cost tens of milliseconds, so each user registers and logs in once up front.
 */
class LoadIT {
    static final int DEFAULT_CLIENTS = 100;
    static final int DEFAULT_SECONDS = 30;
    private static final int CLIENTS = Integer.getInteger("it.load.clients", DEFAULT_CLIENTS);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("it.load.seconds", DEFAULT_SECONDS));
    private static final long SEED = Long.getLong("it.load.seed", 20261125L);
    /** The names each user writes; a name not yet written answers 404. */
    private static final List<String> NAMES = List.of("a.txt", "b.bin", "c.dat", "notes.md", "photo.jpg", "data.csv");
    /** Uploaded by every user at the start and never shared: another user's download of it is always 404. */
    private static final String PRIVATE = "private.bin";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SETUP_LIMIT = Duration.ofSeconds(300);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(300);
    private static final int MAX_ERRORS_SHOWN = 25;
    private static final int SIGN_UP_CONCURRENCY = 8;

    private final ExecutorService httpExecutor = Executors.newCachedThreadPool(daemon("load-http"));
    /** One client for all users, as a gateway would be: it opens a connection per concurrent request. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20))
            .executor(httpExecutor)
            .build();

    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errorCount = new AtomicInteger();
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    /** 503s from a busy password hasher that were waited out and retried. */
    private final LongAdder busyRetries = new LongAdder();

    @AfterEach
    void closeClient() {
        httpExecutor.shutdownNow();
    }

    @Test
    void manyClientsAtOnceGetExpectedAnswersAndOnlyTheirOwnOrSharedFiles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, daemon("load-client"));
        try {
            // Up front: each user registers, logs in and stores its private file and a first document.
            long setupStart = System.nanoTime();
            List<Callable<User>> signUps = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int index = i;
                signUps.add(() -> signUp(index, new Random(SEED + index)));
            }
            // Fewer at once here: each registration and login is an Argon2 hash of 19 MiB on the server.
            ExecutorService signUpPool = Executors.newFixedThreadPool(SIGN_UP_CONCURRENCY, daemon("load-signup"));
            List<User> users;
            try {
                users = ConcurrentTasks.runAll(signUpPool, signUps, SETUP_LIMIT);
            } finally {
                signUpPool.shutdownNow();
            }
            assertNoErrors("setting up " + CLIENTS + " users");
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            long setupRequests = requests.sumThenReset();
            operations.clear();

            // The load: every client works until the deadline, then finishes the operation it is in.
            long loadStart = System.nanoTime();
            long deadline = loadStart + DURATION.toNanos();
            List<Callable<Integer>> clients = new ArrayList<>();
            for (User user : users) {
                clients.add(() -> {
                    Random random = new Random(SEED * 31 + user.index);
                    int steps = 0;
                    while (System.nanoTime() < deadline) {
                        try {
                            step(user, users, random);
                        } catch (RuntimeException e) {
                            error("client of %s: %s", user.name, e);
                        }
                        steps++;
                    }
                    return steps;
                });
            }
            ConcurrentTasks.runAll(pool, clients, DURATION.plus(DRAIN_LIMIT));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long loadRequests = requests.sumThenReset();

            // At rest, every listing and file must match the model exactly.
            List<Callable<Integer>> checks = new ArrayList<>();
            for (User user : users) {
                checks.add(() -> {
                    try {
                        checkAtRest(user);
                    } catch (RuntimeException e) {
                        error("final check of %s: %s", user.name, e);
                    }
                    return 0;
                });
            }
            ConcurrentTasks.runAll(pool, checks, SETUP_LIMIT);
            long checkRequests = requests.sum();

            System.out.printf(
                    "LoadIT: %d clients for %.1f s: %d requests, %.1f req/s, %d errors (%s); "
                            + "setup %d requests in %.1f s, final check %d requests, %d busy-hasher retries%n",
                    CLIENTS,
                    loadSeconds,
                    loadRequests,
                    loadRequests / loadSeconds,
                    errorCount.get(),
                    breakdown(),
                    setupRequests,
                    setupSeconds,
                    checkRequests,
                    busyRetries.sum());
            assertNoErrors("the load");
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private User signUp(int index, Random random) {
        String username = UniqueNames.user("load" + index);
        User user = new User(index, username, "pw-" + username);
        Answer register =
                call("register", postJson("register", null, FileshareClient.credentials(user.name, user.password)));
        if (!expect(register, 200, "register " + username)) {
            return user;
        }
        user.token = login(user);
        if (user.token == null) {
            return user;
        }
        byte[] secret = bytes(random, 4096);
        FileModel privateFile = user.file(PRIVATE);
        privateFile.sending(secret);
        if (expect(call("upload-binary", binaryPut(user.token, PRIVATE, secret)), 201, "upload " + user.key(PRIVATE))) {
            privateFile.acknowledged();
        }
        uploadJson(user, "a.txt", bytes(random, 1000));
        return user;
    }

    /** One operation of a client, chosen at random with fixed weights: mostly file operations. */
    private void step(User me, List<User> users, Random random) {
        int dice = random.nextInt(1000);
        if (dice < 200) {
            int size = random.nextInt(100) < 2
                    ? Contents.MIB + random.nextInt(Contents.MIB)
                    : random.nextInt(64 * 1024 + 1);
            uploadBinary(me, pick(random, NAMES), bytes(random, size));
        } else if (dice < 350) {
            uploadJson(me, pick(random, NAMES), bytes(random, random.nextInt(16 * 1024 + 1)));
        } else if (dice < 600) {
            downloadOwn(me, pick(random, NAMES), random.nextInt(10) == 0);
        } else if (dice < 720) {
            downloadShared(me, random);
        } else if (dice < 780) {
            User other = other(me, users, random);
            probe(me, other, random.nextBoolean() ? PRIVATE : pick(random, NAMES));
        } else if (dice < 880) {
            list(me);
        } else if (dice < 960) {
            share(me, other(me, users, random), pick(random, NAMES));
        } else if (dice < 990) {
            loginLogoutCycle(me);
        } else {
            registerNewcomer();
        }
    }

    private void uploadBinary(User me, String name, byte[] content) {
        FileModel file = me.file(name);
        int expected = file.exists() ? 200 : 201;
        file.sending(content);
        Answer answer = call("upload-binary", binaryPut(me.token, name, content));
        if (expect(answer, expected, "binary upload of " + me.key(name))
                && entryMatches(answer, me.key(name), content.length)) {
            file.acknowledged();
        }
    }

    private void uploadJson(User me, String name, byte[] content) {
        FileModel file = me.file(name);
        file.sending(content);
        JsonObject body = Json.createObjectBuilder()
                .add("file_name", name)
                .add("content", Base64.getEncoder().encodeToString(content))
                .build();
        Answer answer = call(
                "upload-json",
                request("file", me.token)
                        .header("Content-Type", "application/json")
                        .PUT(BodyPublishers.ofString(body.toString())));
        if (expect(answer, 200, "JSON upload of " + me.key(name))
                && entryMatches(answer, me.key(name), content.length)) {
            file.acknowledged();
        }
    }

    /** The caller is the only writer of its files, so its download must be exactly the last version it stored. */
    private void downloadOwn(User me, String name, boolean asBase64) {
        FileModel file = me.files.get(name);
        Version latest = file == null ? null : file.latest();
        HttpRequest.Builder request = request("file?file_name=" + FileshareClient.encode(name), me.token);
        if (asBase64) {
            request.header("Accept", "text/plain");
        }
        Answer answer = call(asBase64 ? "download-base64" : "download", request.GET());
        if (latest == null) {
            expect(answer, 404, "download of the unwritten " + me.key(name));
            return;
        }
        if (expect(answer, 200, "download of " + me.key(name))) {
            byte[] content = asBase64 ? decodeBase64(answer, me.key(name)) : answer.body;
            if (content != null && !Contents.sha256(content).equals(latest.sha256)) {
                error(
                        "download of %s by its owner: %d bytes, not the %d last stored",
                        me.key(name), content.length, latest.size);
            }
        }
    }

    /** A file shared with the caller: its owner may be overwriting it, so any version from the last acknowledged on. */
    private void downloadShared(User me, Random random) {
        FileModel file = me.randomShared(random);
        if (file == null) {
            list(me);
            return;
        }
        int acknowledgedBefore = file.acknowledgedCount();
        Answer answer = download("download-shared", me, file.owner.name, file.name);
        if (expect(answer, 200, "download of " + file.key() + " shared with " + me.name)) {
            checkVersion(file, acknowledgedBefore, answer.body, "download of " + file.key() + " by " + me.name);
        }
    }

    /**
     * Another user's file, shared with the caller or not: 404 unless a share of it to the caller was at least
     * under way; 200 only if it was, and then with one of the owner's versions.
     */
    private void probe(User me, User owner, String name) {
        FileModel file = owner.files.get(name);
        boolean sharedBefore = file != null && me.shared.contains(file);
        int acknowledgedBefore = file == null ? 0 : file.acknowledgedCount();
        Answer answer = download("download-other", me, owner.name, name);
        if (answer == null) {
            return;
        }
        // The owner may have stored and shared it while the request ran.
        FileModel now = owner.files.get(name);
        boolean sharing = now != null && me.sharing.contains(now);
        if (answer.status == 200 && sharing) {
            checkVersion(now, acknowledgedBefore, answer.body, "download of " + now.key() + " by " + me.name);
        } else if (answer.status == 200) {
            error(
                    "LEAK: %s downloaded %s, which was never shared with them (%d bytes)",
                    me.name, owner.key(name), answer.body.length);
        } else if (answer.status != 404 || sharedBefore) {
            error(
                    "download of %s by %s (%s): %s",
                    owner.key(name), me.name, sharedBefore ? "shared" : "not shared", answer);
        }
    }

    /** The caller's own files exactly, then files shared with it: those shared before, perhaps those being shared. */
    private void list(User me) {
        Map<FileModel, Integer> sharingBefore = new HashMap<>();
        for (FileModel file : me.sharing) {
            sharingBefore.put(file, file.acknowledgedCount());
        }
        Set<String> sharedBefore = me.shared.stream().map(FileModel::key).collect(Collectors.toSet());
        Answer answer = call("list", request("files", me.token).GET());
        if (!expect(answer, 200, "listing of " + me.name)) {
            return;
        }
        Map<String, FileModel> sharingAfter = new HashMap<>();
        for (FileModel file : me.sharing) {
            sharingAfter.put(file.key(), file);
        }
        List<JsonObject> entries = answer.jsonArray();
        List<String> ownKeys = new ArrayList<>();
        List<String> sharedKeys = new ArrayList<>();
        for (JsonObject entry : entries) {
            String key = entry.getString("key");
            String owner = entry.getString("owner");
            long size = entry.getJsonNumber("size").longValue();
            if (owner.equals(me.name)) {
                if (!sharedKeys.isEmpty()) {
                    error("listing of %s: own %s after shared files", me.name, key);
                }
                ownKeys.add(key);
                FileModel file = me.files.get(entry.getString("file_name"));
                Version latest = file == null ? null : file.latest();
                if (latest == null) {
                    error("listing of %s holds %s, which it never stored", me.name, key);
                } else if (latest.size != size) {
                    error("listing of %s: %s has size %d, not the %d last stored", me.name, key, size, latest.size);
                }
            } else {
                sharedKeys.add(key);
                FileModel file = sharingAfter.get(key);
                if (file == null) {
                    error("LEAK: listing of %s holds %s, which was never shared with them", me.name, key);
                } else if (file.versionsSince(sharingBefore.getOrDefault(file, 0)).stream()
                        .noneMatch(v -> v.size == size)) {
                    error("listing of %s: shared %s has size %d, no version its owner stored", me.name, key, size);
                }
            }
        }
        Set<String> expectedOwn = me.files.values().stream()
                .filter(FileModel::exists)
                .map(FileModel::key)
                .collect(Collectors.toSet());
        if (!new HashSet<>(ownKeys).equals(expectedOwn) || ownKeys.size() != expectedOwn.size()) {
            error("listing of %s: own files %s, expected %s", me.name, ownKeys, expectedOwn);
        }
        if (!new HashSet<>(sharedKeys).containsAll(sharedBefore)) {
            error("listing of %s misses shared files: has %s, expected at least %s", me.name, sharedKeys, sharedBefore);
        }
        if (!isSorted(ownKeys) || !isSorted(sharedKeys)) {
            error("listing of %s is not sorted by key: %s then %s", me.name, ownKeys, sharedKeys);
        }
    }

    private void share(User me, User grantee, String name) {
        FileModel file = me.files.get(name);
        boolean exists = file != null && file.exists();
        if (exists) {
            grantee.sharing.add(file);
        }
        JsonObject body = Json.createObjectBuilder()
                .add("file_name", name)
                .add("username", grantee.name)
                .build();
        Answer answer = call("share", postJson("share", me.token, body));
        if (expect(answer, exists ? 200 : 404, "share of " + me.key(name) + " with " + grantee.name) && exists) {
            grantee.addShared(file);
        }
    }

    /** A second session of the same user: it works, and after logout it no longer does. The first stays valid. */
    private void loginLogoutCycle(User me) {
        String second = login(me);
        if (second == null) {
            return;
        }
        expect(call("list", request("files", second).GET()), 200, "listing with a second session of " + me.name);
        expect(call("logout", request("logout", second).POST(BodyPublishers.noBody())), 200, "logout of " + me.name);
        expect(call("list", request("files", second).GET()), 401, "listing with a logged-out session of " + me.name);
    }

    /** A user who joins during the load: nothing of anyone else shows in their empty listing. */
    private void registerNewcomer() {
        String username = UniqueNames.user("loadnew");
        User newcomer = new User(-1, username, "pw-" + username);
        JsonObject credentials = FileshareClient.credentials(username, newcomer.password);
        if (!expect(call("register", postJson("register", null, credentials)), 200, "register " + username)) {
            return;
        }
        expect(call("register", postJson("register", null, credentials)), 409, "second register of " + username);
        newcomer.token = login(newcomer);
        if (newcomer.token != null) {
            Answer listing = call("list", request("files", newcomer.token).GET());
            if (expect(listing, 200, "listing of " + username)
                    && !listing.jsonArray().isEmpty()) {
                error("LEAK: the new user %s lists %s", username, listing.text());
            }
        }
    }

    /** After the load: listings, sizes, etags and contents exactly as the model says. */
    private void checkAtRest(User me) {
        Answer answer = call("list", request("files", me.token).GET());
        if (!expect(answer, 200, "final listing of " + me.name)) {
            return;
        }
        Map<String, JsonObject> listed = new TreeMap<>();
        for (JsonObject entry : answer.jsonArray()) {
            listed.put(entry.getString("key"), entry);
        }
        Map<String, FileModel> expected = new TreeMap<>();
        me.files.values().stream().filter(FileModel::exists).forEach(file -> expected.put(file.key(), file));
        me.shared.forEach(file -> expected.put(file.key(), file));
        if (!listed.keySet().equals(expected.keySet())) {
            error("final listing of %s: %s, expected %s", me.name, listed.keySet(), expected.keySet());
        }
        int sharedChecked = 0;
        for (FileModel file : expected.values()) {
            boolean own = file.owner == me;
            if (!own && sharedChecked++ >= 3) {
                continue;
            }
            Version latest = file.latest();
            Answer download = download("download", me, file.owner.name, file.name);
            if (!expect(download, 200, "final download of " + file.key() + " by " + me.name)) {
                continue;
            }
            if (!Contents.sha256(download.body).equals(latest.sha256)) {
                error("final download of %s by %s: not the last version stored", file.key(), me.name);
            }
            JsonObject entry = listed.get(file.key());
            if (entry != null
                    && (entry.getJsonNumber("size").longValue() != download.body.length
                            || !download.etag.equals(entry.getString("etag")))) {
                error(
                        "final listing of %s: %s says size %s etag %s, the download has %d bytes, ETag %s",
                        me.name,
                        file.key(),
                        entry.get("size"),
                        entry.getString("etag"),
                        download.body.length,
                        download.etag);
            }
        }
    }

    private void checkVersion(FileModel file, int acknowledgedBefore, byte[] content, String what) {
        String sha256 = Contents.sha256(content);
        if (file.versionsSince(acknowledgedBefore).stream().noneMatch(v -> v.sha256.equals(sha256))) {
            error("%s: %d bytes that are not a version its owner stored last or since", what, content.length);
        }
    }

    private String login(User user) {
        Answer answer = call("login", postJson("login", null, FileshareClient.credentials(user.name, user.password)));
        if (!expect(answer, 200, "login of " + user.name)) {
            return null;
        }
        JsonObject body = answer.json();
        if (body.getString("token", "").isEmpty()
                || body.getString("expires_at", "").isEmpty()) {
            error("login of %s: no token or expiry in %s", user.name, answer.text());
            return null;
        }
        return body.getString("token");
    }

    private boolean entryMatches(Answer answer, String key, long size) {
        JsonObject entry = answer.json();
        if (!key.equals(entry.getString("key", null))
                || entry.getJsonNumber("size").longValue() != size) {
            error("upload of %s (%d bytes) answered the entry %s", key, size, entry);
            return false;
        }
        return true;
    }

    private byte[] decodeBase64(Answer answer, String what) {
        try {
            return Base64.getDecoder().decode(answer.text().trim());
        } catch (IllegalArgumentException e) {
            error("Base64 download of %s is no Base64: %s", what, answer);
            return null;
        }
    }

    // --- HTTP ---

    private HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(FileshareServer.uri(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        return token == null ? builder : builder.header("x-session-token", token);
    }

    /** GET of {@code owner}'s file by {@code me}, counted as {@code operation}. */
    private Answer download(String operation, User me, String owner, String name) {
        return call(
                operation,
                request("file?" + FileshareClient.fileQuery(owner, name), me.token)
                        .GET());
    }

    private HttpRequest.Builder postJson(String path, String token, JsonObject body) {
        return request(path, token)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString()));
    }

    private HttpRequest.Builder binaryPut(String token, String name, byte[] content) {
        return request("file?file_name=" + FileshareClient.encode(name), token)
                .header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.ofByteArray(content));
    }

    /** Sends one request; a failure to get any answer is an error (and null). */
    /** How often one call waits out a busy hasher (503 + Retry-After) before its answer counts. */
    private static final int MAX_BUSY_RETRIES = 10;

    private Answer call(String operation, HttpRequest.Builder request) {
        requests.increment();
        operations.computeIfAbsent(operation, k -> new LongAdder()).increment();
        HttpRequest built = request.build();
        try {
            HttpResponse<byte[]> response = http.send(built, BodyHandlers.ofByteArray());
            // A busy password hasher answers 503 with Retry-After; a well-behaved client waits and tries again.
            for (int retry = 0; response.statusCode() == 503 && retry < MAX_BUSY_RETRIES; retry++) {
                busyRetries.increment();
                long seconds = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                Thread.sleep(Math.min(seconds, 5) * 1000
                        + java.util.concurrent.ThreadLocalRandom.current().nextInt(500));
                response = http.send(built, BodyHandlers.ofByteArray());
            }
            return new Answer(
                    response.statusCode(), response.headers().firstValue("ETag").orElse(""), response.body());
        } catch (IOException e) {
            error("%s %s: no answer: %s", built.method(), built.uri().getRawPath(), e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error("%s %s: interrupted", built.method(), built.uri().getRawPath());
            return null;
        }
    }

    private boolean expect(Answer answer, int status, String what) {
        if (answer == null) {
            return false;
        }
        if (answer.status != status) {
            error("%s: expected %d, got %s", what, status, answer);
            return false;
        }
        return true;
    }

    private void error(String format, Object... args) {
        errorCount.incrementAndGet();
        if (errors.size() < MAX_ERRORS_SHOWN) {
            errors.add(String.format(format, args));
        }
    }

    private void assertNoErrors(String phase) {
        assertThat(errorCount.get())
                .as("errors during %s, the first ones:%n%s", phase, String.join("\n", errors))
                .isZero();
    }

    private String breakdown() {
        return new TreeMap<>(operations)
                .entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().sum())
                        .collect(Collectors.joining(", "));
    }

    // --- helpers ---

    private static User other(User me, List<User> users, Random random) {
        User other = users.get(random.nextInt(users.size() - 1));
        return other == me ? users.get(users.size() - 1) : other;
    }

    private static String pick(Random random, List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean isSorted(List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i - 1).compareTo(keys.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // --- the model ---

    /** One user as the test knows it. Only its own client writes its files; others add shares to it. */
    private static final class User {
        final int index;
        final String name;
        final String password;
        volatile String token;
        final Map<String, FileModel> files = new ConcurrentHashMap<>();
        /** Files shared with this user, including shares still under way. */
        final Set<FileModel> sharing = ConcurrentHashMap.newKeySet();
        /** Files whose share with this user was acknowledged. */
        final Set<FileModel> shared = ConcurrentHashMap.newKeySet();

        private final List<FileModel> sharedList = Collections.synchronizedList(new ArrayList<>());

        User(int index, String name, String password) {
            this.index = index;
            this.name = name;
            this.password = password;
        }

        FileModel file(String fileName) {
            return files.computeIfAbsent(fileName, n -> new FileModel(this, n));
        }

        String key(String fileName) {
            return name + "/" + fileName;
        }

        void addShared(FileModel file) {
            if (shared.add(file)) {
                sharedList.add(file);
            }
        }

        FileModel randomShared(Random random) {
            synchronized (sharedList) {
                return sharedList.isEmpty() ? null : sharedList.get(random.nextInt(sharedList.size()));
            }
        }
    }

    /** Every version of one file its owner sent, in order, and how many of them the server acknowledged. */
    private static final class FileModel {
        final User owner;
        final String name;
        private final List<Version> versions = new ArrayList<>();
        private int acknowledged;

        FileModel(User owner, String name) {
            this.owner = owner;
            this.name = name;
        }

        String key() {
            return owner.key(name);
        }

        synchronized void sending(byte[] content) {
            versions.add(new Version(Contents.sha256(content), content.length));
        }

        synchronized void acknowledged() {
            acknowledged = versions.size();
        }

        synchronized int acknowledgedCount() {
            return acknowledged;
        }

        synchronized boolean exists() {
            return acknowledged > 0;
        }

        /** The last acknowledged version, or null. */
        synchronized Version latest() {
            return acknowledged == 0 ? null : versions.get(acknowledged - 1);
        }

        /** The version acknowledged last when {@code acknowledgedBefore} were, and every one sent since. */
        synchronized List<Version> versionsSince(int acknowledgedBefore) {
            return List.copyOf(versions.subList(Math.max(0, acknowledgedBefore - 1), versions.size()));
        }
    }

    private record Version(String sha256, long size) {}

    private record Answer(int status, String etag, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                return reader.readObject();
            }
        }

        List<JsonObject> jsonArray() {
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                return reader.readArray().getValuesAs(JsonObject.class);
            }
        }

        @Override
        public String toString() {
            String shown = text();
            return "HTTP " + status + " " + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
        }
    }
}
