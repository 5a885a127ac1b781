package it.dev.fileshare.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the end-to-end tests find their servers, as the build tells failsafe (pom.xml's
 * {@code systemPropertyVariables}): the server it started for them ({@code fileshare.it.http.port}, {@code fileshare.it.store})
 * and ServerCrashIT's own, which that test starts and kills itself. The one place that reads where a server
 * answers; every one answers on this machine only.
 */
public final class FileshareServer {
    /** ServerCrashIT's server, created and deployed by the build, never started by it. */
    private static final String CRASH_SERVER = "fileshareCrash";
    /** The second aws-mode server (AwsPeerServer): the build's aws pass creates and deploys it, never starts it. */
    private static final String AWS_PEER_SERVER = "fileshareAwsPeer";

    private FileshareServer() {}

    /** The root of the server under test, ending in {@code /}. */
    public static URI baseUri() {
        return onLocalhost(required("fileshare.it.http.port"));
    }

    /** Its root without the trailing slash, as generated clients and the Node scripts take their base URL. */
    public static String baseUrl() {
        String root = baseUri().toString();
        return root.substring(0, root.length() - 1);
    }

    public static URI uri(String pathAndQuery) {
        String relative = pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery;
        return baseUri().resolve(relative);
    }

    /** Which store the server under test runs: {@code local} or {@code aws}. */
    public static String store() {
        return required("fileshare.it.store");
    }

    /**
     * Skips the calling test unless the server runs the local store: for checks of the service's own signed
     * transfer URLs, which the aws mode does not issue (its S3 presigned URLs go to S3Proxy, which checks no
     * signatures).
     */
    public static void assumeLocalTransferUrls() {
        Assumptions.assumeTrue(
                "local".equals(store()),
                "the server runs the " + store() + " store: its transfer URLs are S3 presigned URLs, and S3Proxy "
                        + "checks no signatures, so altered or expired URLs are only refused by the local mode's signer");
    }

    /** The data directory of the server under test, when it runs the local store. */
    public static Optional<Path> dataDir() {
        return "local".equals(store()) ? Optional.of(Path.of(required("it.data-dir"))) : Optional.empty();
    }

    /** ServerCrashIT's server, not running yet: the build's Liberty runtime, its own port. */
    public static LibertyServerProcess crashServer() {
        return new LibertyServerProcess(
                Path.of(required("it.liberty.dir")), CRASH_SERVER, onLocalhost(required("it.crash.http.port")));
    }

    /** The data directory of ServerCrashIT's server, which the test empties before it starts the server. */
    public static Path crashDataDir() {
        return Path.of(required("it.crash.data-dir"));
    }

    /**
     * A second aws-mode server beside the server under test (not running yet; AwsPeerServer starts it): the build's
     * Liberty runtime, its own port ({@code it.aws.peer.http.port}). Start it with {@link #awsStandInsEnvironment()}.
     */
    public static LibertyServerProcess awsPeerServer() {
        return new LibertyServerProcess(
                Path.of(required("it.liberty.dir")), AWS_PEER_SERVER, onLocalhost(required("it.aws.peer.http.port")));
    }

    /**
     * The environment that puts a server a test starts itself in aws mode on the aws pass's stand-ins, with the
     * default table and bucket names, as the server under test has them: both share every user, session and
     * upload.
     */
    public static Map<String, String> awsStandInsEnvironment() {
        return Map.of(
                "FILESHARE_STORE",
                "aws",
                "FILESHARE_AWS_DYNAMODB_ENDPOINT",
                awsStandIn("it.aws.dynamodb.port"),
                "FILESHARE_AWS_S3_ENDPOINT",
                awsStandIn("it.aws.s3.port"),
                "FILESHARE_AWS_CREATE_RESOURCES",
                "true");
    }

    /** An AWS stand-in's endpoint, from the port the build passes as {@code portProperty} (the aws pass only). */
    public static String awsStandIn(String portProperty) {
        return "http://127.0.0.1:" + Integer.parseInt(required(portProperty));
    }

    /**
     * Where TelemetryIT's OTLP receiver listens, on 127.0.0.1: the local-mode server under test exports its traces
     * and metrics there (pom.xml).
     */
    public static int otlpPort() {
        return Integer.parseInt(required("it.otlp.port"));
    }

    /** The console log of the server under test (JSON, as in the container). */
    public static Path consoleLog() {
        return Path.of(required("it.liberty.dir"), "usr", "servers", "fileshareIT", "logs", "console.log");
    }

    private static URI onLocalhost(String port) {
        return URI.create("http://localhost:" + Integer.parseInt(port) + "/");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + property + " is not set (pom.xml passes it to failsafe)");
        }
        return value;
    }
}
