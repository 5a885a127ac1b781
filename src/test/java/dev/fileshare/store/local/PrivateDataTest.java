package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UserAccount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local data (password and session hashes, every blob) is readable by the service's own user only, whatever
 * the umask the server runs with: the directory and those under it 0700, every file 0600, also while written.
 */
class PrivateDataTest {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileKey KEY = new FileKey(new Username("alice"), new FileName("a.bin"));

    @TempDir
    Path parent;

    private final Logger storeLog = Logger.getLogger("dev.fileshare.store.local");
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage() == null ? "" : String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLog() {
        storeLog.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        storeLog.removeHandler(capture);
    }

    @Test
    void aNewDataDirectoryAndEverythingInItArePrivate() throws IOException {
        Path dataDir = parent.resolve("new/data");
        Map<String, Set<PosixFilePermission>> whileWriting;
        try (Stores store = LocalStore.open(dataDir, Clock.systemUTC())) {
            store.users().createIfAbsent(new UserAccount(new Username("alice"), "$argon2id$...", Instant.now()));
            WatchedContent content = new WatchedContent(dataDir.resolve("tmp"), 1000);
            store.blobs().write(KEY, content, 1000, WriteCondition.ALWAYS);
            whileWriting = content.seen;
            // The database's WAL and shared-memory files exist while it is open.
            assertThat(permissions(dataDir)).containsKeys("fileshare.db", "fileshare.db-wal", "fileshare.db-shm");
            assertPrivate(dataDir);
        }

        assertThat(whileWriting)
                .as("the upload's temporary file")
                .hasSize(1)
                .allSatisfy((name, mode) -> assertThat(mode).isEqualTo(FILE));
        assertPrivate(dataDir);
        assertThat(permissions(dataDir).keySet()).anyMatch(path -> path.startsWith("blobs/") && !path.endsWith("/"));
        assertThat(logged).as("nothing was tightened in a new directory").noneMatch(line -> line.contains("tighten"));
    }

    @Test
    void aLooserExistingDirectoryIsTightenedAtStartWithALogLine() throws IOException {
        Path dataDir = parent.resolve("data");
        try (Stores store = LocalStore.open(dataDir, Clock.systemUTC())) {
            store.blobs().write(KEY, new ByteArrayInputStream(new byte[10]), 10, WriteCondition.ALWAYS);
        }
        // As an older version (or a careless copy) left it: readable by everyone.
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }

        try (Stores store = LocalStore.open(dataDir, Clock.systemUTC())) {
            assertPrivate(dataDir);
            assertThat(store.blobs().find(KEY)).isPresent();
        }

        assertThat(logged)
                .anySatisfy(line -> assertThat(line)
                        .contains("tightened")
                        .contains(dataDir.toAbsolutePath().toString()));
    }

    private static void assertPrivate(Path dataDir) throws IOException {
        assertThat(permissions(dataDir))
                .isNotEmpty()
                .allSatisfy((path, mode) -> assertThat(mode).as(path).isEqualTo(path.endsWith("/") ? DIRECTORY : FILE));
    }

    /** Every path under {@code dataDir} (itself as "/"), directories ending in "/", with its permissions. */
    private static Map<String, Set<PosixFilePermission>> permissions(Path dataDir) throws IOException {
        Map<String, Set<PosixFilePermission>> modes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                String name = dataDir.relativize(path).toString() + (Files.isDirectory(path) ? "/" : "");
                modes.put(name, Files.getPosixFilePermissions(path));
            }
        }
        return modes;
    }

    /** {@code size} zero bytes whose reading, half way, notes the files in the upload's temporary directory. */
    private static final class WatchedContent extends InputStream {
        final Map<String, Set<PosixFilePermission>> seen = new TreeMap<>();
        private final Path tmp;
        private final int size;
        private int served;

        WatchedContent(Path tmp, int size) {
            this.tmp = tmp;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (served >= size) {
                return -1;
            }
            if (served >= size / 2 && seen.isEmpty()) {
                permissions(tmp).forEach((name, mode) -> {
                    if (!name.equals("/")) {
                        seen.put(name, mode);
                    }
                });
            }
            int boundary = served < size / 2 ? size / 2 : size;
            int n = Math.min(len, boundary - served);
            Arrays.fill(b, off, off + n, (byte) 0);
            served += n;
            return n;
        }
    }
}
