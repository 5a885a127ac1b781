package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload's process killed mid-write (SIGKILL, in a JVM of its own) leaves every file at its old or its new
 * content, and the store, once reopened, swept of half-written blobs and usable.
 */
class CrashSafetyTest {
    private static final int FILES = 3;
    private static final int FILE_SIZE = 4 * 1024 * 1024;
    private static final Duration WAIT_FOR_CHILD = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private Process uploader;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (uploader != null && uploader.isAlive()) {
            uploader.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(60)
    void killedWhileStreamingLeavesTheOldContent() throws Exception {
        Path dataDir = tmp.resolve("stall");
        ChildOutput output = start(dataDir, "stall");
        output.awaitLine("READY");
        output.awaitLine("STALLED");
        kill();

        // The kill really caught a write in progress: its temporary file is there until the store reopens.
        assertThat(partFiles(dataDir)).isNotEmpty();
        try (Stores store = LocalStore.open(dataDir, Clock.systemUTC())) {
            Map<Integer, Set<String>> allowed = new HashMap<>();
            for (int file = 0; file < FILES; file++) {
                allowed.put(file, Set.of(sha256(CrashingUploader.content(file, 0, FILE_SIZE))));
            }
            assertRecovered(store, dataDir, allowed);
            assertUsable(store, dataDir);
        }
    }

    @Test
    @Timeout(120)
    void killedAtRandomMomentsOfOverwritingLeavesOldOrNewContent() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path dataDir = tmp.resolve("loop-" + round);
            ChildOutput output = start(dataDir, "loop");
            output.awaitLine("READY");
            output.awaitLine("COMMITTED 0 1");
            // Anywhere in the next writes: while streaming, renaming, committing or deleting the replaced blob.
            Thread.sleep(ThreadLocalRandom.current().nextLong(0, 400));
            kill();

            Map<Integer, Integer> lastCommitted = output.lastCommittedVersions();
            try (Stores store = LocalStore.open(dataDir, Clock.systemUTC())) {
                Map<Integer, Set<String>> allowed = new HashMap<>();
                for (int file = 0; file < FILES; file++) {
                    // The version reported committed, or the next one if it committed before the report got out.
                    int committed = lastCommitted.getOrDefault(file, 0);
                    allowed.put(
                            file,
                            Set.of(
                                    sha256(CrashingUploader.content(file, committed, FILE_SIZE)),
                                    sha256(CrashingUploader.content(file, committed + 1, FILE_SIZE))));
                }
                assertRecovered(store, dataDir, allowed);
                assertUsable(store, dataDir);
            }
        }
    }

    private ChildOutput start(Path dataDir, String mode) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingUploader.class.getName(),
                        dataDir.toString(),
                        mode,
                        String.valueOf(FILES),
                        String.valueOf(FILE_SIZE))
                .redirectError(tmp.resolve(mode + "-stderr.txt").toFile());
        uploader = builder.start();
        return new ChildOutput(uploader.getInputStream(), tmp.resolve(mode + "-stderr.txt"));
    }

    private void kill() throws InterruptedException {
        assertThat(uploader.isAlive())
                .as("the uploader is still writing when killed")
                .isTrue();
        ProcessHandle handle = uploader.toHandle();
        uploader.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertThat(uploader.waitFor(WAIT_FOR_CHILD.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        assertThat(handle.isAlive()).isFalse();
        assertThat(uploader.exitValue()).as("killed, not finished").isNotZero();
    }

    /** Every file holds one allowed content, the listing agrees, and no unfinished or unreferenced blob is left. */
    private static void assertRecovered(Stores store, Path dataDir, Map<Integer, Set<String>> allowed)
            throws IOException {
        assertThat(partFiles(dataDir)).as("temporary files after reopening").isEmpty();
        List<FileVersion> listed = store.blobs().list(CrashingUploader.OWNER);
        assertThat(listed)
                .extracting(entry -> entry.key().fileName().value())
                .containsExactlyInAnyOrder(Stream.iterate(0, i -> i + 1)
                        .limit(FILES)
                        .map(i -> CrashingUploader.key(i).fileName().value())
                        .toArray(String[]::new));
        for (int file = 0; file < FILES; file++) {
            FileKey key = CrashingUploader.key(file);
            FileVersion entry = store.blobs().find(key).orElseThrow();
            assertThat(listed).contains(entry);
            byte[] content = read(store, entry);
            assertThat(content).as("%s is as long as listed", key).hasSize((int) entry.size());
            assertThat(allowed.get(file))
                    .as("%s is exactly an old or a new version", key)
                    .contains(sha256(content));
        }
        assertThat(blobFileNames(dataDir))
                .as("blob files are exactly those of the listed files' versions")
                .isEqualTo(versionBlobs(store));
    }

    /** The blobs of every version of every file, current and older. */
    private static Set<String> versionBlobs(Stores store) {
        return store.blobs().list(CrashingUploader.OWNER).stream()
                .flatMap(entry -> store.blobs().versions(entry.key()).stream())
                .map(version -> BlobId.fromEtag(version.entry().etag()).value())
                .collect(Collectors.toSet());
    }

    /** New writes and reads work on the recovered store, replacing and creating files. */
    private static void assertUsable(Stores store, Path dataDir) throws IOException {
        byte[] fresh = "written after the crash".getBytes(StandardCharsets.UTF_8);
        FileKey replaced = CrashingUploader.key(0);
        FileKey created = new FileKey(CrashingUploader.OWNER, new FileName("after-crash.txt"));
        for (FileKey key : new FileKey[] {replaced, created}) {
            store.blobs().write(key, new ByteArrayInputStream(fresh), fresh.length, WriteCondition.ALWAYS);
            assertThat(read(store, store.blobs().find(key).orElseThrow())).isEqualTo(fresh);
        }
        assertThat(store.blobs().list(CrashingUploader.OWNER)).hasSize(FILES + 1);
        assertThat(store.blobs().versions(replaced)).hasSizeGreaterThan(1);
        assertThat(blobFileNames(dataDir)).isEqualTo(versionBlobs(store));
    }

    private static byte[] read(Stores store, FileVersion entry) throws IOException {
        try (InputStream in = store.blobs().read(entry, 0, entry.size())) {
            return in.readAllBytes();
        }
    }

    private static List<Path> partFiles(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("tmp"))) {
            return files.toList();
        }
    }

    private static Set<String> blobFileNames(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
            return files.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The uploader's stdout, read on a thread of its own so that waiting for a line can time out. */
    private static final class ChildOutput {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread reader;
        private final Path stderr;

        ChildOutput(InputStream stdout, Path stderr) {
            this.stderr = stderr;
            this.reader = new Thread(
                    () -> {
                        try (BufferedReader in =
                                new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
                            for (String line; (line = in.readLine()) != null; ) {
                                seen.add(line);
                                lines.add(line);
                            }
                        } catch (IOException closed) {
                            // the process is gone
                        }
                    },
                    "uploader-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLine(String expected) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + WAIT_FOR_CHILD.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (expected.equals(line)) {
                    return;
                }
            }
            throw new AssertionError(
                    "the uploader never printed " + expected + "; stderr: " + Files.readString(stderr));
        }

        /** The last version reported committed per file, once everything the killed process wrote has been read. */
        Map<Integer, Integer> lastCommittedVersions() throws InterruptedException {
            reader.join(WAIT_FOR_CHILD.toMillis());
            Map<Integer, Integer> last = new HashMap<>();
            for (String line : seen) {
                if (line.startsWith("COMMITTED ")) {
                    String[] parts = line.split(" ");
                    last.merge(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Math::max);
                }
            }
            return last;
        }
    }
}
