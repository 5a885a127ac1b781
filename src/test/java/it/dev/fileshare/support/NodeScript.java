package it.dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node tool of {@code src/test/clients} (installed there by the build's {@code npm ci}) against the
 * server under test, with a time limit, and echoes what it printed into the test's output.
 */
public final class NodeScript {
    /** The client tests' Node project, as the build passes it. */
    public static final Path CLIENTS = Path.of(System.getProperty("clients.dir", "src/test/clients"));
    /** Where tsc wrote the compiled scripts (tsconfig.json's outDir). */
    public static final Path COMPILED = Path.of(System.getProperty("clients.js.dir", "target/clients-js"));

    public record Result(int exitCode, String stdout, String stderr) {}

    private NodeScript() {}

    public static Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        return run(timeout, command, Map.of());
    }

    /** As {@link #run(Duration, List)}, with {@code environment} added to the script's (what only it needs). */
    public static Result run(Duration timeout, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("node-out", ".txt");
        Path err = Files.createTempFile("node-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(CLIENTS.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.put("FILESHARE_URL", FileshareServer.baseUrl());
            env.put("FILESHARE_STORE", FileshareServer.store());
            // The compiled scripts live in target/, their packages in src/test/clients/node_modules.
            env.put(
                    "NODE_PATH",
                    CLIENTS.resolve("node_modules").toAbsolutePath().toString());
            env.put(
                    "SCREENSHOT",
                    COMPILED.resolveSibling("swagger-ui.png").toAbsolutePath().toString());
            // Nothing but the server under test: no usage reports, no update checks.
            env.put("REDOCLY_TELEMETRY", "off");
            env.put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            env.put("DO_NOT_TRACK", "1");
            env.putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            Result result =
                    new Result(finished ? process.exitValue() : -1, Files.readString(out), Files.readString(err));
            System.out.println("$ " + String.join(" ", command) + "\n" + result.stdout() + result.stderr());
            assertThat(finished).as("%s finished within %s", command, timeout).isTrue();
            return result;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A compiled script of src/test/clients, run by node. */
    public static Result runCompiled(String script, Duration timeout) throws IOException, InterruptedException {
        return runCompiled(script, timeout, Map.of());
    }

    /** A compiled script of src/test/clients, run by node with {@code environment} added to its own. */
    public static Result runCompiled(String script, Duration timeout, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path compiled = COMPILED.resolve("src/test/clients").resolve(script);
        assertThat(compiled).as("compiled by the build's `npm run build`").exists();
        return run(timeout, List.of("node", compiled.toAbsolutePath().toString()), environment);
    }
}
