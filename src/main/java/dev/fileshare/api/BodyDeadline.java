package dev.fileshare.api;

import dev.fileshare.core.model.RequestTimeoutException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A request body's deadline, as Apache's mod_reqtimeout sets it ({@code body=20,MinRate=500}): the body has
 * {@code startTimeout} to arrive, and every {@code minBytesPerSecond} bytes received buy one more second. A body
 * read past its deadline fails with {@link Exceeded}. A read that blocks cannot see the clock, so a watchdog wakes
 * at the deadline and, if the body is still unread by then, interrupts the blocked reader and closes the
 * connection's stream under it: the blocked read returns with an error, and the request thread is free to answer
 * 408.
 */
public final class BodyDeadline {
    /**
     * @param startTimeout      time for the body to begin, and its least total time
     * @param minBytesPerSecond bytes that extend the deadline by one second
     */
    public record Limits(Duration startTimeout, int minBytesPerSecond) {
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(20), 500);
    }

    /** The failure of a body read past its deadline. */
    public static final class Exceeded extends IOException {
        Exceeded(long count) {
            super("the request body was too slow: " + count + " bytes before its deadline");
        }
    }

    private BodyDeadline() {}

    /** {@code body}, read against a deadline from now; {@link Watched#finish} releases the watchdog. */
    static Watched watch(InputStream body, Limits limits, ScheduledExecutorService watchdog, LongSupplier nanoTime) {
        Watched watched = new Watched(body, limits, watchdog, nanoTime);
        watched.schedule();
        return watched;
    }

    /** Whether {@code failure} or one of its causes is a deadline passed. */
    public static boolean exceeded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Exceeded) {
                return true;
            }
        }
        return false;
    }

    /** The answer to a body that missed its deadline: nothing of it was kept. */
    public static RequestTimeoutException timeout() {
        return new RequestTimeoutException("The request body arrived too slowly; nothing of it was kept.");
    }

    /** The body's stream: counts what arrives, checks the deadline after each read, and is watched meanwhile. */
    static final class Watched extends FilterInputStream {
        private final Limits limits;
        private final ScheduledExecutorService watchdog;
        private final LongSupplier nanoTime;
        private final long start;
        private volatile long count;
        private volatile boolean finished;
        private volatile boolean expired;
        /** The thread blocked in a read, if any. */
        private volatile Thread reader;

        private ScheduledFuture<?> wake;

        private Watched(InputStream in, Limits limits, ScheduledExecutorService watchdog, LongSupplier nanoTime) {
            super(in);
            this.limits = limits;
            this.watchdog = watchdog;
            this.nanoTime = nanoTime;
            this.start = nanoTime.getAsLong();
        }

        boolean expired() {
            return expired;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkDeadline();
            int n;
            reader = Thread.currentThread();
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                if (expired) {
                    Thread.interrupted(); // the watchdog's wake-up call is answered; the pool thread goes back clean
                    throw (Exceeded) new Exceeded(count).initCause(e);
                }
                throw e;
            } finally {
                reader = null;
            }
            if (expired) {
                Thread.interrupted(); // the watchdog closed the stream: what the read returned is no end of the body
                throw new Exceeded(count);
            }
            if (n < 0) {
                finish();
                return n;
            }
            count += n;
            checkDeadline();
            return n;
        }

        @Override
        public void close() throws IOException {
            finish();
            super.close();
        }

        /** The request is over: the watchdog has nothing more to watch. */
        synchronized void finish() {
            finished = true;
            if (wake != null) {
                wake.cancel(false);
            }
        }

        private void checkDeadline() throws Exceeded {
            if (expired || nanoTime.getAsLong() - deadline() > 0) {
                expired = true;
                throw new Exceeded(count);
            }
        }

        private long deadline() {
            return start
                    + limits.startTimeout().toNanos()
                    + count * TimeUnit.SECONDS.toNanos(1) / limits.minBytesPerSecond();
        }

        private synchronized void schedule() {
            if (!finished) {
                long delay = Math.max(0, deadline() - nanoTime.getAsLong());
                wake = watchdog.schedule(this::onWake, delay + 1, TimeUnit.NANOSECONDS);
            }
        }

        /** Bytes that arrived since the last wake moved the deadline; past it, the stream is closed under the reader. */
        private void onWake() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                if (nanoTime.getAsLong() - deadline() <= 0) {
                    schedule();
                    return;
                }
                expired = true;
                finished = true;
            }
            Thread blocked = reader;
            if (blocked != null) {
                blocked.interrupt();
            }
            // Closing may wait for the reader's lock, so it runs apart from the watchdog's one thread.
            CompletableFuture.runAsync(() -> {
                try {
                    in.close();
                } catch (IOException | RuntimeException e) {
                    // closing is one way to wake the blocked read; the server's read timeout is the last
                }
            });
        }
    }
}
