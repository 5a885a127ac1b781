package dev.fileshare.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adobe S3Mock (Apache-2.0), the S3 stand-in with bucket versioning (versions, delete markers) that S3Proxy lacks:
 * its runnable jar, which the build copies to {@code target/s3mock}, in a JVM of its own (Spring Boot and S3Proxy's
 * Jetty do not share a class path), serving plain HTTP on 127.0.0.1, its files under {@code target/s3mock} and
 * deleted when it stops. Its second, unused connector listens on a free port of its choosing.
 *
 * <p>Found by hand where it differs from S3 (4.12.4): ListObjectsV2 still lists a key whose latest version is a
 * delete marker; a delete marker's LastModified is that of the version it hides, not the time of the delete;
 * DeleteObject answers the hidden version's id instead of the marker's.
 */
public final class S3MockProcess implements AutoCloseable {
    /** The runnable jar; the build passes it, a run from the project root finds it where the build copies it. */
    public static final String JAR_PROPERTY = "fileshare.s3mock.jar";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;

    private S3MockProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts S3Mock on a free loopback port and waits until it answers. */
    public static S3MockProcess start() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/s3mock/s3mock-exec.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "S3Mock is not in " + jar + ": the Maven build copies it there in generate-test-resources");
        }
        int port = freePort();
        Path dir = jar.getParent();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--server.ssl.enabled=false",
                "--com.adobe.testing.s3mock.httpPort=0",
                "--com.adobe.testing.s3mock.store.root=" + dir.resolve("root-" + port),
                "--com.adobe.testing.s3mock.store.retainFilesOnExit=false",
                "--spring.main.banner-mode=off");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3mock-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run S3Mock", e);
        }
        S3MockProcess s3Mock = new S3MockProcess(process, URI.create("http://127.0.0.1:" + port));
        // Stopped by the test run's end, or with this JVM should the run end otherwise.
        Runtime.getRuntime().addShutdownHook(new Thread(s3Mock::close, "s3mock-stop"));
        try {
            s3Mock.awaitListening(port);
        } catch (RuntimeException e) {
            s3Mock.close();
            throw e;
        }
        return s3Mock;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Polls the port (bounded by {@link #START_TIMEOUT}); fails at once if the process ends. */
    private void awaitListening(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "S3Mock exited with " + process.exitValue() + " (see its log in " + "target/s3mock)");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException("S3Mock did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for S3Mock", e);
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
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
