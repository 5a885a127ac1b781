package dev.fileshare.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * The two open-source stand-ins for AWS on loopback: dynalite (DynamoDB, a Node.js child process, in memory)
 * and S3Proxy (S3, in this JVM, in memory, with S3's consistency for a key restored by {@link
 * KeyConsistentBlobStore}). The tests start one pair per JVM on free ports; {@link #main} starts a pair on fixed ports
 * for trying the server in aws mode by hand.
 */
public final class AwsStandIns implements AutoCloseable {
    /** Where {@code npm ci} installed dynalite; the build passes it, a run from the project root finds it. */
    public static final String DYNALITE_DIR_PROPERTY = "fileshare.dynalite.dir";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** Where S3Proxy's request bodies wait for their key's lock ({@link KeyConsistentBlobStore}). */
    private static final Path S3_SPOOL = Path.of("target", "s3proxy-spool");

    private final Process dynalite;
    private final S3Proxy s3Proxy;
    private final URI dynamoDbEndpoint;
    private final URI s3Endpoint;

    private AwsStandIns(Process dynalite, URI dynamoDbEndpoint, S3Proxy s3Proxy, URI s3Endpoint) {
        this.dynalite = dynalite;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.s3Proxy = s3Proxy;
        this.s3Endpoint = s3Endpoint;
    }

    /** Starts both; a port of 0 means any free one. */
    public static AwsStandIns start(int dynamoDbPort, int s3Port) {
        S3Proxy s3Proxy = startS3Proxy(s3Port);
        try {
            URI s3Endpoint = URI.create("http://127.0.0.1:" + s3Proxy.getPort());
            int port = dynamoDbPort == 0 ? freePort() : dynamoDbPort;
            Process dynalite = startDynalite(port);
            return new AwsStandIns(dynalite, URI.create("http://127.0.0.1:" + port), s3Proxy, s3Endpoint);
        } catch (RuntimeException e) {
            stopQuietly(s3Proxy);
            throw e;
        }
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    private static S3Proxy startS3Proxy(int port) {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new KeyConsistentBlobStore(new TransientNio2BlobStore(), S3_SPOOL))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return proxy;
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IllegalStateException("cannot start S3Proxy on 127.0.0.1:" + port, e);
        }
    }

    private static Process startDynalite(int port) {
        Path dir = Path.of(System.getProperty(DYNALITE_DIR_PROPERTY, "src/test/dynalite"))
                .toAbsolutePath();
        Path cli = dir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed in " + dir
                    + ": run 'npm ci' there (the Maven build does it in generate-test-resources; needs Node.js 20+)");
        }
        List<String> command = List.of(
                "node",
                cli.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (Node.js 20+ must be on the PATH) for dynalite", e);
        }
        awaitListening(process, port);
        return process;
    }

    /** dynalite prints "Dynalite listening at: ..." once its socket is open; its further output is drained. */
    private static void awaitListening(Process process, int port) {
        CompletableFuture<Boolean> listening = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        StringBuilder seen = new StringBuilder();
                        for (String line; (line = out.readLine()) != null; ) {
                            if (!listening.isDone()) {
                                seen.append(line).append('\n');
                                if (line.contains("listening")) {
                                    listening.complete(true);
                                }
                            }
                        }
                        listening.completeExceptionally(new IllegalStateException("dynalite exited: " + seen));
                    } catch (IOException e) {
                        listening.completeExceptionally(e);
                    }
                },
                "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start on 127.0.0.1:" + port, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting dynalite", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dynalite.destroy();
        try {
            if (!dynalite.waitFor(5, TimeUnit.SECONDS)) {
                dynalite.destroyForcibly();
            }
        } catch (InterruptedException e) {
            dynalite.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        stopQuietly(s3Proxy);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping at the end of a run; nothing is left to save
        }
    }

    /** Starts dynalite on 4567 and S3Proxy on 4568 and prints how to point the server at them; Ctrl-C stops both. */
    public static void main(String[] args) throws InterruptedException {
        int dynamoDbPort = args.length > 0 ? Integer.parseInt(args[0]) : 4567;
        int s3Port = args.length > 1 ? Integer.parseInt(args[1]) : 4568;
        AwsStandIns standIns = start(dynamoDbPort, s3Port);
        Runtime.getRuntime().addShutdownHook(new Thread(standIns::close, "stand-ins-stop"));
        System.out.println("AWS stand-ins are running (in memory; Ctrl-C stops them). For the server:");
        System.out.println("  FILESHARE_STORE=aws");
        System.out.println("  FILESHARE_AWS_DYNAMODB_ENDPOINT=" + standIns.dynamoDbEndpoint());
        System.out.println("  FILESHARE_AWS_S3_ENDPOINT=" + standIns.s3Endpoint());
        System.out.println("  FILESHARE_AWS_CREATE_RESOURCES=true");
        System.out.flush();
        Thread.currentThread().join();
    }
}
