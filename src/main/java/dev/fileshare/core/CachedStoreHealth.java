package dev.fileshare.core;

import dev.fileshare.core.port.StoreHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store's health as readiness probes see it, which no number of probes can turn into a flood of store calls:
 * an answer is kept for {@code maxAge}, at most one check runs at a time (probes that come meanwhile wait for
 * it), and a check that has not answered within {@code timeout} counts as every part down.
 */
public final class CachedStoreHealth implements StoreHealth {
    private static final Logger LOG = Logger.getLogger(CachedStoreHealth.class.getName());

    private final StoreHealth store;
    private final Duration maxAge;
    private final Duration timeout;
    private final Clock clock;
    /** One thread at most, started when a check is due and ended when idle: no thread is kept for this. */
    private final ExecutorService checks;

    private Checked last;
    private Future<Map<String, Boolean>> running;

    public CachedStoreHealth(StoreHealth store, Duration maxAge, Duration timeout, Clock clock) {
        this.store = store;
        this.maxAge = maxAge;
        this.timeout = timeout;
        this.clock = clock;
        this.checks = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "fileshare-store-health");
            thread.setDaemon(true);
            return thread;
        });
    }

    private record Checked(Map<String, Boolean> parts, Instant at) {}

    @Override
    public Map<String, Boolean> check() {
        Future<Map<String, Boolean>> pending;
        synchronized (this) {
            if (last != null && clock.instant().isBefore(last.at().plus(maxAge))) {
                return last.parts();
            }
            if (running == null) {
                running = checks.submit(store::check);
            }
            pending = running;
        }
        Map<String, Boolean> parts = outcome(pending);
        synchronized (this) {
            if (running == pending) {
                running = null;
                last = new Checked(parts, clock.instant());
            }
        }
        return parts;
    }

    private Map<String, Boolean> outcome(Future<Map<String, Boolean>> pending) {
        try {
            return Map.copyOf(pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return down("did not answer within " + timeout, null);
        } catch (ExecutionException e) {
            return down("failed", e.getCause());
        } catch (CancellationException e) {
            return down("did not answer in time", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("was interrupted", null);
        }
    }

    /** Every part known from the last answer down (or the store as a whole, before any answer); logged here. */
    private synchronized Map<String, Boolean> down(String what, Throwable cause) {
        LOG.log(Level.WARNING, "the store's health check " + what, cause);
        Map<String, Boolean> parts = new LinkedHashMap<>();
        if (last == null) {
            parts.put("store", false);
        } else {
            last.parts().keySet().forEach(part -> parts.put(part, false));
        }
        return parts;
    }
}
