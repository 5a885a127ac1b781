package it.dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The process of the server under test: its JVM's arguments, and what it holds open, read from
 * {@code /proc/<pid>/fd} (Linux). The server is the one the build started ({@code server start}), so its pid is in
 * Liberty's pid file, {@code usr/servers/.pid/<name>.pid}; it is checked to be that server's JVM before use.
 */
public final class ServerUnderTest {
    private final ProcessHandle process;
    private final Path fdDir;

    private ServerUnderTest(ProcessHandle process) {
        this.process = process;
        this.fdDir = Path.of("/proc", Long.toString(process.pid()), "fd");
    }

    /** The server under test; skips the calling test where there is no {@code /proc} to read. */
    public static ServerUnderTest find() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc (Linux)");
        Path wlpDir = Path.of(System.getProperty("it.liberty.dir", "target/liberty/wlp"));
        String serverName = System.getProperty("it.server.name", "fileshareIT");
        Path pidFile = wlpDir.resolve("usr/servers/.pid/" + serverName + ".pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException e) {
            throw new AssertionError("no pid file of server " + serverName + " at " + pidFile, e);
        }
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("server " + serverName + " (pid " + pid + ") is not running"));
        assertThat(LibertyServerProcess.isServerJvm(handle, wlpDir, serverName))
                .as("pid %s is the JVM of server %s: %s", pid, serverName, handle.info())
                .isTrue();
        return new ServerUnderTest(handle);
    }

    /** The arguments of the server's JVM, its options from jvm.options among them. */
    public List<String> jvmArguments() {
        return List.of(process.info().arguments().orElseThrow(() -> new AssertionError("no arguments visible")));
    }

    /** Everything open: files, sockets, pipes. */
    public int all() {
        return targets().size();
    }

    /** Open files (a path on disk), not sockets, pipes or event descriptors. */
    public int files() {
        return (int) targets().stream().filter(t -> t.startsWith("/")).count();
    }

    /** Open files under {@code dir}. */
    public List<String> filesUnder(Path dir) {
        String prefix = dir.toAbsolutePath().normalize() + "/";
        return targets().stream().filter(t -> t.startsWith(prefix)).toList();
    }

    private List<String> targets() {
        List<String> targets = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (NoSuchFileException closedMeanwhile) {
                    // closed between listing and reading: not open
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }
}
