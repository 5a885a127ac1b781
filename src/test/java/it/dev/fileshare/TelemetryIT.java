package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Metrics, traces and logs, end to end: the server under test exports over OTLP/HTTP to {@code it.otlp.port}
 * (pom.xml), where this test listens; {@code /metrics} serves Prometheus text; the console log is JSON, as in the
 * container. Until this test starts its receiver, nothing listens there: every other test ran against an
 * endpoint that refuses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final FileshareClient CLIENT = new FileshareClient();
    private static OtlpReceiver receiver;

    /**
     * Only the local-mode server exports to this test's receiver and logs JSON (pom.xml); the aws pass excludes
     * this test, but an explicit -Dit.test list overrides failsafe's excludes.
     */
    @BeforeAll
    static void onlyAgainstTheLocalServer() {
        Assumptions.assumeTrue(
                "local".equals(FileshareServer.store()),
                "the " + FileshareServer.store() + " server under test exports no telemetry to this test");
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void aCollectorThatNeverAnswersSlowsNoRequest() throws Exception {
        // Accepts the exporter's connections and never answers: exports hang until their own timeout (10 s, the
        // SDK's default), which a request that waited for one would show; 5 s leaves room for a loaded machine.
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), otlpPort()));
            List<Socket> held = new ArrayList<>();
            Thread accepting = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            accepting.start();
            Session session = CLIENT.signUp("silent");
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                ApiResponse list = CLIENT.list(session.token());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(list.status()).as("%s", list).isEqualTo(200);
                assertThat(took).as("request %d", i).isLessThan(Duration.ofSeconds(5));
            }
            silent.close();
            accepting.join(5_000);
            for (Socket socket : held) {
                socket.close();
            }
        }
        receiver = new OtlpReceiver(otlpPort());
    }

    @Test
    @Order(2)
    void slashMetricsCountsTheRequestsAndLoginsOfThisTest() throws Exception {
        Session session = CLIENT.signUp("counted");
        double listed = prometheus(FILES_200);
        double failed = prometheus(LOGINS_FAILED);
        double succeeded = prometheus(LOGINS_SUCCEEDED);
        double uploaded = prometheus(BYTES_UPLOADED);
        double downloaded = prometheus(BYTES_DOWNLOADED);

        for (int i = 0; i < 3; i++) {
            assertThat(CLIENT.list(session.token()).status()).isEqualTo(200);
        }
        assertThat(CLIENT.login(session.username(), "wrong " + session.password())
                        .status())
                .isEqualTo(401);
        assertThat(CLIENT.login(session.username(), session.password()).status())
                .isEqualTo(200);
        byte[] content = "five!".getBytes(StandardCharsets.UTF_8);
        assertThat(CLIENT.upload(session.token(), "counted.txt", content).status())
                .isEqualTo(200);
        assertThat(CLIENT.download(session.token(), "counted.txt").body()).isEqualTo(content);

        // Liberty records a request's duration as it ends, which can be just after the client has the answer.
        awaitTrue(() -> prometheus(FILES_200) >= listed + 3, "GET /files counted in /metrics");
        assertThat(prometheus(FILES_200) - listed).isEqualTo(3);
        assertThat(prometheus(LOGINS_FAILED) - failed).isEqualTo(1);
        assertThat(prometheus(LOGINS_SUCCEEDED) - succeeded).isEqualTo(1);
        assertThat(prometheus(BYTES_UPLOADED) - uploaded).isEqualTo(5);
        // counted as the body is written, which ends as the client reads its last byte
        awaitTrue(() -> prometheus(BYTES_DOWNLOADED) >= downloaded + 5, "the download counted");
        assertThat(prometheus(BYTES_DOWNLOADED) - downloaded).isEqualTo(5);
        assertThat(metricsText()).contains("# TYPE fileshare_hash_queue_length gauge");
    }

    @Test
    @Order(3)
    void aRequestsSpanArrivesWithItsRouteStatusAndStoreCallsAndNothingOfTheUser() {
        Session session = CLIENT.signUp("traced");
        String fileName = UniqueNames.user("secret") + ".txt";
        ApiResponse upload = CLIENT.upload(session.token(), fileName, "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isEqualTo(200);
        ApiResponse download = CLIENT.download(session.token(), fileName);
        assertThat(download.status()).isEqualTo(200);
        String traceId = traceIdOf(download);

        Span server = await(
                () -> receiver.spans().stream()
                        .filter(span -> hex(span.getTraceId()).equals(traceId))
                        .filter(span -> span.getParentSpanId().isEmpty())
                        .findFirst(),
                "the span of GET /file with trace id " + traceId);
        assertThat(server.getName()).isEqualTo("GET /file");
        assertThat(attribute(server, "http.route")).contains("/file");
        assertThat(attribute(server, "http.response.status_code")).contains("200");
        assertThat(attribute(server, "url.query")).contains("file_name=");
        List<Span> trace = await(
                () -> Optional.of(receiver.spans().stream()
                                .filter(span -> hex(span.getTraceId()).equals(traceId))
                                .toList())
                        .filter(spans ->
                                spans.stream().anyMatch(span -> span.getName().startsWith("BlobStore."))),
                "the store calls of GET /file");
        assertThat(trace).extracting(Span::getName).contains("BlobStore.openCurrent");
        // The token's first request reads its session from the store; the next ones within
        // fileshare.session.cache-fresh-for (the download, most likely) find it in the session cache.
        String uploadTraceId = traceIdOf(upload);
        await(
                () -> receiver.spans().stream()
                        .filter(span -> hex(span.getTraceId()).equals(uploadTraceId))
                        .filter(span -> span.getName().equals("SessionStore.find"))
                        .findFirst(),
                "the session read of the token's first request, PUT /file");
        assertThat(trace)
                .filteredOn(span -> span.getName().equals("BlobStore.openCurrent"))
                .singleElement()
                .satisfies(span -> {
                    assertThat(hex(span.getParentSpanId())).isEqualTo(hex(server.getSpanId()));
                    assertThat(attribute(span, "fileshare.store")).contains("local");
                });
        for (Span span : receiver.spans()) {
            for (KeyValue attribute : span.getAttributesList()) {
                assertThat(attribute.getValue().toString())
                        .as("%s of %s", attribute.getKey(), span.getName())
                        .doesNotContain(session.username(), session.token(), fileName);
            }
        }
    }

    @Test
    @Order(4)
    void aRefusedRequestsSpanStillNamesItsRoute() {
        ApiResponse refused = CLIENT.list("not-a-live-token");
        assertThat(refused.status()).isEqualTo(401);
        String traceId = traceIdOf(refused);

        Span server = await(
                () -> receiver.spans().stream()
                        .filter(span -> hex(span.getTraceId()).equals(traceId))
                        .findFirst(),
                "the span of the refused GET /files");
        assertThat(server.getName()).isEqualTo("GET /files");
        assertThat(attribute(server, "http.route")).contains("/files");
        assertThat(attribute(server, "http.response.status_code")).contains("401");
    }

    @Test
    @Order(5)
    void theMetricsArriveOverOtlpPerRoute() {
        Session session = CLIENT.signUp("exported");
        assertThat(CLIENT.list(session.token()).status()).isEqualTo(200);

        Metric duration = await(
                () -> receiver.metrics()
                        .filter(metric -> metric.getName().equals("http.server.request.duration"))
                        .filter(metric -> metric.getHistogram().getDataPointsList().stream()
                                .anyMatch(point -> has(point.getAttributesList(), "http.route", "/files")))
                        .findFirst(),
                "http.server.request.duration of /files over OTLP");
        assertThat(duration.getUnit()).isEqualTo("s");
        Metric logins = await(
                () -> receiver.metrics()
                        .filter(metric -> metric.getName().equals("fileshare.logins"))
                        .findFirst(),
                "fileshare.logins over OTLP");
        assertThat(logins.getSum().getDataPointsList())
                .anySatisfy(point -> assertThat(has(point.getAttributesList(), "outcome", "succeeded"))
                        .isTrue());
        await(
                () -> receiver.metrics()
                        .filter(metric -> metric.getName().equals("fileshare.hash.queue.length"))
                        .findFirst(),
                "the hash queue gauge over OTLP");
    }

    @Test
    @Order(6)
    void theJsonAccessLogCarriesTheTraceIdAndNoQuery() {
        Session session = CLIENT.signUp("logged");
        ApiResponse download = CLIENT.download(session.token(), "no-such-" + UniqueNames.user("file"));
        assertThat(download.status()).isEqualTo(404);
        String traceId = traceIdOf(download);

        String line = await(
                () -> consoleLines().stream()
                        .filter(l -> l.contains("\"type\":\"liberty_accesslog\"") && l.contains(traceId))
                        .findFirst(),
                "the access log line of trace " + traceId);
        assertThat(line).contains("\"ibm_uriPath\":\"\\/file\"").doesNotContain("no-such-", session.username());
    }

    private static final Pattern FILES_200 = Pattern.compile("^http_server_request_duration_seconds_count\\{"
            + "(?=.*http_request_method=\"GET\")(?=.*http_response_status_code=\"200\")(?=.*http_route=\"/files\")"
            + ".*\\} (\\S+)$");
    private static final Pattern LOGINS_FAILED =
            Pattern.compile("^fileshare_logins_total\\{(?=.*outcome=\"failed\").*\\} (\\S+)$");
    private static final Pattern BYTES_UPLOADED = Pattern.compile("^fileshare_uploaded_bytes_total\\{.*\\} (\\S+)$");
    private static final Pattern BYTES_DOWNLOADED =
            Pattern.compile("^fileshare_downloaded_bytes_total\\{.*\\} (\\S+)$");
    private static final Pattern LOGINS_SUCCEEDED =
            Pattern.compile("^fileshare_logins_total\\{(?=.*outcome=\"succeeded\").*\\} (\\S+)$");

    /** The sum of the values of the /metrics lines that match {@code series}. */
    private static double prometheus(Pattern series) {
        double total = 0;
        for (String line : metricsText().split("\n")) {
            Matcher matcher = series.matcher(line);
            if (matcher.matches()) {
                total += Double.parseDouble(matcher.group(1));
            }
        }
        return total;
    }

    private static String metricsText() {
        ApiResponse metrics = FileshareClient.send(
                CLIENT.request("metrics", null).header("Accept", "text/plain").GET());
        assertThat(metrics.status()).as("%s", metrics).isEqualTo(200);
        return metrics.text();
    }

    /** The trace id of the answer's traceresponse header ({@code 00-<trace id>-<span id>-<flags>}). */
    private static String traceIdOf(ApiResponse response) {
        String header = response.header("traceresponse").orElseThrow(() -> new AssertionError("no traceresponse"));
        assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return header.split("-")[1];
    }

    private static List<String> consoleLines() {
        try {
            return Files.readAllLines(FileshareServer.consoleLog());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> attribute(Span span, String key) {
        return span.getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals(key))
                .map(attribute -> text(attribute.getValue()))
                .findFirst();
    }

    private static boolean has(List<KeyValue> attributes, String key, String value) {
        return attributes.stream()
                .anyMatch(attribute -> attribute.getKey().equals(key)
                        && text(attribute.getValue()).equals(value));
    }

    private static String text(AnyValue value) {
        return value.hasIntValue() ? Long.toString(value.getIntValue()) : value.getStringValue();
    }

    private static String hex(com.google.protobuf.ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }

    private static int otlpPort() {
        return FileshareServer.otlpPort();
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) {
        await(() -> condition.get() ? Optional.of(true) : Optional.empty(), what);
    }

    /** Polls {@code probe} every 100 ms until it finds something, for at most {@link #PATIENCE}. */
    private static <T> T await(Supplier<Optional<T>> probe, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
