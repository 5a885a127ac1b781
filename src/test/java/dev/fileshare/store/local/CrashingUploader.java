package dev.fileshare.store.local;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * Run in a JVM of its own by {@link CrashSafetyTest}, which kills it with SIGKILL mid-write. It writes version 0
 * of every file, prints {@code READY}, then overwrites, reporting each committed write on stdout:
 * <ul>
 * <li>{@code loop}: overwrites the files round after round, printing {@code COMMITTED <file> <version>};</li>
 * <li>{@code stall}: streams version 1 of file 0, prints {@code STALLED} half-way and waits to be killed.</li>
 * </ul>
 * Both stop by themselves after {@link #MAX_RUN} so that a test that fails to kill it leaves nothing running.
 */
public final class CrashingUploader {
    static final Username OWNER = new Username("crasher");
    static final Duration MAX_RUN = Duration.ofSeconds(60);
    private static final int MAX_ROUNDS = 10_000;

    private CrashingUploader() {}

    /** Arguments: data directory, mode ({@code loop} or {@code stall}), file count, file size in bytes. */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String mode = args[1];
        int files = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        long deadline = System.nanoTime() + MAX_RUN.toNanos();

        Stores store = LocalStore.open(dataDir, Clock.systemUTC());
        for (int file = 0; file < files; file++) {
            write(store, file, content(file, 0, size));
        }
        System.out.println("READY");
        System.out.flush();

        if (mode.equals("stall")) {
            InputStream stalling = new StallingStream(content(0, 1, size), deadline);
            store.blobs().write(key(0), stalling, size, WriteCondition.ALWAYS);
            return;
        }
        for (int version = 1; version <= MAX_ROUNDS && System.nanoTime() < deadline; version++) {
            for (int file = 0; file < files; file++) {
                write(store, file, content(file, version, size));
                System.out.println("COMMITTED " + file + " " + version);
                System.out.flush();
            }
        }
    }

    static FileKey key(int file) {
        return new FileKey(OWNER, new FileName("big-" + file + ".bin"));
    }

    /** The content of {@code version} of {@code file}: only that pair produces it. */
    static byte[] content(int file, int version, int size) {
        byte[] bytes = new byte[size];
        new Random(file * 1_000_003L + version).nextBytes(bytes);
        return bytes;
    }

    private static void write(Stores store, int file, byte[] content) throws IOException {
        store.blobs().write(key(file), new ByteArrayInputStream(content), content.length, WriteCondition.ALWAYS);
    }

    /** Hands out the first half of its content, announces it, then blocks until the deadline. */
    private static final class StallingStream extends InputStream {
        private final ByteArrayInputStream content;
        private final int half;
        private final long deadline;
        private int given;

        StallingStream(byte[] content, long deadline) {
            this.content = new ByteArrayInputStream(content);
            this.half = content.length / 2;
            this.deadline = deadline;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (given >= half) {
                System.out.println("STALLED");
                System.out.flush();
                sleepUntilDeadline();
            }
            int n = content.read(b, off, Math.min(len, Math.max(half - given, 1)));
            given += Math.max(n, 0);
            return n;
        }

        private void sleepUntilDeadline() {
            try {
                Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
