package it.dev.fileshare;

import static it.dev.fileshare.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Login throttling as an attacker meets it: failures count per (username, client address), with ceilings per
 * username and per address, and an attempt is counted before its password is hashed. The test servers trust
 * their loopback peer as a proxy ({@code fileshare.http.trusted-proxies}), so each test speaks from addresses
 * of its own through {@code X-Forwarded-For}; the limits are the defaults, which the build also sets explicitly.
 */
@MicroShedTest
class LoginThrottlingIT {
    private static final int PER_USERNAME_AND_ADDRESS = 5;
    private static final int PER_USERNAME = 100;
    private static final int PER_ADDRESS = 100;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    /** A peer the test servers do not trust: Linux answers all of 127.0.0.0/8 on the loopback interface. */
    private static final String UNTRUSTED_PEER = "127.0.0.2";

    /** Every 429 detail seen: one for all, so an answer does not tell which limit was reached. */
    private static final Set<String> THROTTLED_DETAILS = ConcurrentHashMap.newKeySet();

    private final FileshareClient client = new FileshareClient();

    @Test
    void anAttackersAddressIsLockedOutWhileTheOwnerLogsInFromElsewhere() {
        String owner = registered("owner");
        FileshareClient attacker = client.from(UniqueNames.address());
        for (int guess = 1; guess <= PER_USERNAME_AND_ADDRESS; guess++) {
            assertProblem(attacker.login(owner, "guess number " + guess), 401);
        }

        assertThrottled(attacker.login(owner, "guess number 6"), owner);
        // Not even the right password gets through from there...
        assertThrottled(attacker.login(owner, password(owner)), owner);
        // ...but the owner, elsewhere, logs in, and that does not lift the attacker's lock.
        FileshareClient home = client.from(UniqueNames.address());
        assertThat(home.login(owner, password(owner)).status()).isEqualTo(200);
        assertThrottled(attacker.login(owner, password(owner)), owner);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void thirtyParallelGuessesAreFiveAnswersAndTwentyFiveRefusals() throws Exception {
        String owner = registered("parallel");
        FileshareClient attacker = client.from(UniqueNames.address());
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ApiResponse>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String guess = "parallel guess " + i;
            guesses.add(() -> {
                start.await();
                return attacker.login(owner, guess);
            });
        }

        List<ApiResponse> answers = runAll(guesses, 30, start);

        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
        assertThat(byStatus).as("answers by status").containsOnlyKeys(401, 429);
        assertThat(byStatus.get(401)).as("guesses answered (and so hashed)").isEqualTo(PER_USERNAME_AND_ADDRESS);
        answers.stream().filter(a -> a.status() == 429).forEach(a -> assertThrottled(a, owner));
        // The owner is not locked out elsewhere.
        assertThat(client.from(UniqueNames.address())
                        .login(owner, password(owner))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aUsernameHasACeilingOverAllAddresses() throws Exception {
        String owner = registered("distributed");
        List<Callable<ApiResponse>> guesses = new ArrayList<>();
        for (int a = 0; a < PER_USERNAME / PER_USERNAME_AND_ADDRESS; a++) {
            FileshareClient bot = client.from(UniqueNames.address());
            for (int guess = 0; guess < PER_USERNAME_AND_ADDRESS; guess++) {
                String password = "bot " + a + " guess " + guess;
                guesses.add(() -> bot.login(owner, password));
            }
        }
        assertThat(runAll(guesses, 4, null))
                .as("each address stays within its own limit")
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(401));

        // One more address, one guess: the username's ceiling is reached (the price of the ceiling: the owner too).
        assertThrottled(client.from(UniqueNames.address()).login(owner, "one guess more"), owner);
        assertThrottled(client.from(UniqueNames.address()).login(owner, password(owner)), owner);
        // Other users are untouched.
        String bystander = registered("bystander");
        assertThat(client.from(UniqueNames.address())
                        .login(bystander, password(bystander))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void anAddressHasACeilingOverAllUsernamesKnownOrNot() throws Exception {
        String address = UniqueNames.address();
        FileshareClient sprayer = client.from(address);
        List<Callable<ApiResponse>> guesses = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS; i++) {
            // Mostly names that could exist, some that never can: both count.
            String name = i % 10 == 0 ? "no such user " + i : UniqueNames.user("sprayed");
            guesses.add(() -> sprayer.login(name, "Summer2026!"));
        }
        assertThat(runAll(guesses, 4, null))
                .allSatisfy(
                        answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(401));

        String victim = registered("sprayvictim");
        assertThrottled(sprayer.login(victim, "Summer2026!"), victim, address);
        assertThrottled(sprayer.login("never a user!", "Summer2026!"), address);
        // The victim's own logins from elsewhere still work.
        assertThat(client.from(UniqueNames.address())
                        .login(victim, password(victim))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUntrustedPeersForwardedForIsIgnored() throws Exception {
        String owner = registered("spoofer");
        for (int guess = 1; guess <= PER_USERNAME_AND_ADDRESS; guess++) {
            // A different X-Forwarded-For each time: were it believed, no address would reach its limit.
            assertThat(loginFromPeer(UNTRUSTED_PEER, UniqueNames.address(), owner, "guess " + guess))
                    .isEqualTo(401);
        }
        assertThat(loginFromPeer(UNTRUSTED_PEER, UniqueNames.address(), owner, password(owner)))
                .as("counted against the peer itself")
                .isEqualTo(429);
        // Through the trusted proxy, the forwarded address is believed: the owner's own is not locked.
        assertThat(client.from(UniqueNames.address())
                        .login(owner, password(owner))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aMalformedForwardedForIsNoServerError() {
        String owner = registered("garbled");
        for (String forwardedFor : new String[] {
            "garbage",
            "999.1.1.1",
            "1.2.3",
            "10.0.0.1, , ",
            ",,,",
            "[::1",
            "fe80::1%eth0",
            "unknown, 10.0.0.1",
            "10.0.0.1:65536",
            "::ffff:999.0.0.1",
            "1.2.3.4".repeat(500),
            String.join(",", java.util.Collections.nCopies(200, "127.0.0.1"))
        }) {
            ApiResponse answer = FileshareClient.send(client.request("login", null)
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", forwardedFor)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            credentials(owner, password(owner)).toString())));
            assertThat(answer.status())
                    .as("X-Forwarded-For: %s -> %s", forwardedFor, answer)
                    .isEqualTo(200);
        }
    }

    @AfterAll
    static void everyRefusalReadsTheSame() {
        assertThat(THROTTLED_DETAILS).as("429 details").hasSizeLessThanOrEqualTo(1);
    }

    /** A 429 problem with Retry-After within the window, whose detail names neither user nor address. */
    private static void assertThrottled(ApiResponse response, String... notNamed) {
        JsonObject problem = assertProblem(response, 429);
        long retryAfter = Long.parseLong(response.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isPositive().isLessThanOrEqualTo(WINDOW.toSeconds());
        String detail = problem.getString("detail");
        assertThat(detail).doesNotContain(notNamed);
        THROTTLED_DETAILS.add(detail);
    }

    private String registered(String prefix) {
        String username = UniqueNames.user(prefix);
        assertThat(client.register(username, password(username)).status()).isEqualTo(200);
        return username;
    }

    private static String password(String username) {
        return "secret of " + username;
    }

    private static JsonObject credentials(String username, String password) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build();
    }

    /** Runs {@code calls} on {@code threads} threads, opening {@code start} (if any) once all are submitted. */
    private static List<ApiResponse> runAll(List<Callable<ApiResponse>> calls, int threads, CountDownLatch start)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (Callable<ApiResponse> call : calls) {
                futures.add(pool.submit(call));
            }
            if (start != null) {
                start.countDown();
            }
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * POST /login over a socket bound to {@code peer}, saying {@code X-Forwarded-For: forwardedFor}; the status.
     * The JDK's HttpClient cannot choose its local address, hence the hand-written HTTP/1.1.
     */
    private static int loginFromPeer(String peer, String forwardedFor, String username, String password)
            throws IOException {
        int port = FileshareServer.baseUri().getPort();
        byte[] body = credentials(username, password).toString().getBytes(StandardCharsets.UTF_8);
        String head = "POST /login HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            try {
                socket.bind(new InetSocketAddress(peer, 0));
            } catch (BindException notOnThisMachine) {
                Assumptions.abort("cannot bind " + peer + " here (only Linux answers all of 127.0.0.0/8)");
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = readLine(socket.getInputStream());
            // HTTP/1.1 401 Unauthorized
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n' && line.size() < 1024; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
