package dev.fileshare.store.local;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drops older versions and trashed files past their age, every few minutes on one daemon thread, in batches so
 * that no transaction holds the writer long; the start-up recovery does the same once before the store opens.
 */
final class ExpirySweep implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());
    static final Duration INTERVAL = Duration.ofMinutes(10);
    /** Of each kind, per transaction; a tick runs batches until one comes back short. */
    private static final int BATCH = 500;

    private static final int BATCHES_PER_TICK = 20;

    private final ScheduledExecutorService timer;

    private ExpirySweep(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static ExpirySweep start(LocalBlobStore blobs) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fileshare-expiry-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = INTERVAL.toSeconds();
        timer.scheduleWithFixedDelay(() -> sweep(blobs), every, every, TimeUnit.SECONDS);
        return new ExpirySweep(timer);
    }

    private static void sweep(LocalBlobStore blobs) {
        try {
            for (int batch = 0; batch < BATCHES_PER_TICK && blobs.dropExpired(BATCH) >= BATCH; batch++) {
                // another batch: more expired in this tick than one transaction takes
            }
        } catch (RuntimeException e) {
            // The next tick tries again; a scheduled task that throws would never run again.
            LOG.log(Level.WARNING, "local store: the expiry sweep failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // A batch in progress finishes before the database closes under it.
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
