package dev.fileshare.core;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.HashingBusyException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Password hashing as a bounded resource: at most {@code concurrent} Argon2 computations at once, each in a slot
 * whose working memory is reused, and at most {@code queued} more callers waiting for a slot. Anyone beyond is
 * refused at once with {@link HashingBusyException} (503), so a crowd of logins costs bounded memory, CPU and
 * threads. The slots and the bound are one thing: a slot is the memory of one running hash.
 */
public final class HashingSlots {
    /** A hash takes tens of milliseconds, so a full queue drains well within a second. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** A safety net: with a short queue a waiter gets a slot long before this. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    /**
     * @param concurrent Argon2 computations at once (each holds its memory cost)
     * @param queued     callers that may wait for a slot beyond those
     */
    public record Limits(int concurrent, int queued) {
        public Limits {
            if (concurrent < 1 || queued < 0) {
                throw new IllegalArgumentException("need concurrent >= 1 and queued >= 0");
            }
        }

        /** One hash per processor, and a queue four times as long: about 0.2 s of waiting at 40 ms a hash. */
        public static Limits forProcessors(int processors) {
            int concurrent = Math.max(1, processors);
            return new Limits(concurrent, 4 * concurrent);
        }
    }

    private final Semaphore admitted;
    private final BlockingQueue<Argon2Slot> free;
    /** Callers admitted and waiting for a slot: what the service's hash queue metric shows. */
    private final AtomicInteger waiting = new AtomicInteger();

    public HashingSlots(Argon2Settings settings, Limits limits) {
        this.admitted = new Semaphore(limits.concurrent() + limits.queued());
        this.free = new ArrayBlockingQueue<>(limits.concurrent());
        for (int i = 0; i < limits.concurrent(); i++) {
            free.add(new Argon2Slot(settings)); // memory allocated on a slot's first use
        }
    }

    /** Runs {@code hash} in a free slot, waiting in the queue if there is room in it. */
    <T> T run(Function<Argon2Slot, T> hash) {
        if (!admitted.tryAcquire()) {
            throw new HashingBusyException(RETRY_AFTER);
        }
        try {
            Argon2Slot slot = awaitSlot();
            try {
                return hash.apply(slot);
            } finally {
                free.add(slot);
            }
        } finally {
            admitted.release();
        }
    }

    /** How many callers are waiting for a slot now (those computing a hash are not counted). */
    public int queueLength() {
        return waiting.get();
    }

    private Argon2Slot awaitSlot() {
        waiting.incrementAndGet();
        try {
            Argon2Slot slot = free.poll(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (slot == null) {
                throw new HashingBusyException(RETRY_AFTER);
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException(RETRY_AFTER);
        } finally {
            waiting.decrementAndGet();
        }
    }
}
