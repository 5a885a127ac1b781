package it.dev.fileshare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server of the build's runtime ({@code target/liberty/wlp}) that a test starts, kills and stops itself.
 * It runs as {@code bin/server run NAME}, a child of the test JVM: the script ends in {@code exec java}, so the
 * child's pid is the server JVM's own pid, whatever Liberty's {@code .pid} file says (that file is written by
 * {@code server start} only once its start-up wait succeeds, and a killed server leaves it behind).
 */
public final class LibertyServerProcess {
    private static final Duration POLL = Duration.ofMillis(250);

    private final Path wlpDir;
    private final String serverName;
    private final URI baseUri;
    private final Path consoleLog;
    private Process process;

    LibertyServerProcess(Path wlpDir, String serverName, URI baseUri) {
        this.wlpDir = wlpDir;
        this.serverName = serverName;
        this.baseUri = baseUri;
        this.consoleLog = wlpDir.resolve("usr/servers/" + serverName + "/logs/test-console.log");
    }

    /** Where the server answers, ending in {@code /}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Starts the server as a child process; answers once its JVM runs (not yet once it is ready). */
    public void start(Duration limit) throws IOException, InterruptedException {
        start(limit, Map.of());
    }

    /**
     * Starts the server as {@link #start(Duration)} does, with {@code environment} added to its process: settings
     * (MicroProfile Config reads {@code FILESHARE_...} variables) that only this run of the server has.
     */
    public void start(Duration limit, Map<String, String> environment) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("server " + serverName + " is already running as pid " + process.pid());
        }
        Files.createDirectories(consoleLog.getParent());
        ProcessBuilder builder = new ProcessBuilder(script().toString(), "run", serverName)
                .directory(wlpDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        // The same JDK as the tests, whatever the PATH holds.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        process = builder.start();
        awaitJvm(limit);
    }

    /** The pid of the server's JVM, checked to be a java process running this server (not the launcher script). */
    public long jvmPid() {
        ProcessHandle handle = ProcessHandle.of(process.pid())
                .orElseThrow(() -> new AssertionError(
                        "server " + serverName + " (pid " + process.pid() + ") is gone; " + consoleTail()));
        if (!isServerJvm(handle, wlpDir, serverName)) {
            throw new AssertionError(
                    "pid " + handle.pid() + " is not the JVM of server " + serverName + ": " + handle.info());
        }
        return handle.pid();
    }

    /** Polls {@code /health/ready} until it answers 200; fails when the server exits or the limit passes. */
    public void awaitReady(HttpClient http, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server " + serverName + " exited with " + process.exitValue()
                        + " before it was ready; " + consoleTail());
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(baseUri.resolve("health/ready"))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError(
                "server " + serverName + " was not ready within " + limit + " (last: " + last + "); " + consoleTail());
    }

    /** SIGKILL to the server's JVM, then waits for it to be gone. Returns the pid killed. */
    public long kill(Duration limit) throws InterruptedException {
        long pid = jvmPid();
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        if (!handle.destroyForcibly()) {
            throw new AssertionError("could not send SIGKILL to pid " + pid);
        }
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("pid " + pid + " still runs " + limit + " after SIGKILL");
        }
        // A JVM killed by signal 9 exits with 128 + 9.
        if (process.exitValue() != 137) {
            throw new AssertionError("pid " + pid + " exited with " + process.exitValue() + ", not by SIGKILL (137)");
        }
        return pid;
    }

    /** {@code server stop NAME}, bounded; a server that outlives it is killed. Safe to call when none runs. */
    public void stop(Duration limit) throws IOException, InterruptedException {
        Process stop = new ProcessBuilder(script().toString(), "stop", serverName)
                .directory(wlpDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                .start();
        boolean stopped = stop.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!stopped) {
            stop.destroyForcibly();
        }
        if (process != null) {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Whether a server answers on this server's port already (left over from an aborted run, or another one). */
    public boolean answers(HttpClient http) {
        try {
            http.send(
                    HttpRequest.newBuilder(baseUri.resolve("health/live"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    BodyHandlers.discarding());
            return true;
        } catch (IOException nothingThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    public String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(consoleLog, StandardCharsets.UTF_8);
            return "console (" + consoleLog + "), last lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "no console log at " + consoleLog;
        }
    }

    /**
     * Whether {@code handle} is the JVM of server {@code serverName} of the runtime in {@code wlpDir}: this runtime's
     * launcher jar with this server's name as an argument, neither the shell script nor another server.
     */
    public static boolean isServerJvm(ProcessHandle handle, Path wlpDir, String serverName) {
        String launcher = wlpDir.resolve("bin/tools/ws-server.jar").toString();
        Optional<String> command = handle.info().command();
        Optional<List<String>> arguments = handle.info().arguments().map(List::of);
        return command.map(c -> c.endsWith("/java")).orElse(false)
                && arguments
                        .map(args -> args.contains(launcher) && args.contains(serverName))
                        .orElse(false);
    }

    private void awaitJvm(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "server " + serverName + " exited with " + process.exitValue() + " at start; " + consoleTail());
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(process.pid());
            if (handle.isPresent() && isServerJvm(handle.get(), wlpDir, serverName)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the launcher of server " + serverName + " did not become its JVM within " + limit
                + ": " + ProcessHandle.of(process.pid()).map(ProcessHandle::info) + "; " + consoleTail());
    }

    private Path script() {
        return wlpDir.resolve("bin/server");
    }
}
