package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.HashingBusyException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashingSlotsTest {
    private final HashingSlots slots = new HashingSlots(new Argon2Settings(64, 1, 1), new HashingSlots.Limits(1, 1));

    @Test
    void oneRunsOneWaitsAndTheNextIsRefusedAtOnceWithARetryAfter() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(slot -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> slots.run(slot -> "queued"));
        Thread.sleep(200); // let it take its place in the queue

        long start = System.nanoTime();
        assertThatThrownBy(() -> slots.run(slot -> "third"))
                .isInstanceOfSatisfying(
                        HashingBusyException.class,
                        busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
        assertThat(slots.<String>run(slot -> "after")).isEqualTo("after");
    }

    @Test
    void aFailingHashGivesItsSlotBack() {
        assertThatThrownBy(() -> slots.run(slot -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(slots.<String>run(slot -> "again")).isEqualTo("again");
        assertThat(slots.<String>run(slot -> "and again")).isEqualTo("and again");
    }

    @Test
    void theQueueLengthCountsTheCallersWaitingForASlotNotTheOneHashing() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(slot -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slots.queueLength()).as("one hashing, none waiting").isZero();

        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> slots.run(slot -> "queued"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slots.queueLength() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(slots.queueLength()).as("one waiting").isEqualTo(1);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
        assertThat(slots.queueLength()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
