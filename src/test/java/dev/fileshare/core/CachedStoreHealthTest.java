package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.port.StoreHealth;
import dev.fileshare.core.port.Stores;
import dev.fileshare.store.local.LocalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness that a flood of probes cannot turn into a flood of store calls: one check per cache period however
 * many ask, never more than one at a time, and an answer within the timeout even when the store hangs.
 */
class CachedStoreHealthTest {
    private static final Duration CACHE = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private Stores local;
    private CountingHealth store;

    @BeforeEach
    void open() {
        local = LocalStore.open(dataDir, Clock.fixed(clock.instant(), ZoneOffset.UTC));
        store = new CountingHealth(local.health());
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void checksTheStoreOncePerCachePeriodHoweverManyAsk() throws Exception {
        CachedStoreHealth health = new CachedStoreHealth(store, CACHE, TIMEOUT, clock);

        List<Future<Map<String, Boolean>>> answers = new ArrayList<>();
        ExecutorService crowd = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 200; i++) {
                answers.add(crowd.submit(health::check));
            }
            for (Future<Map<String, Boolean>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).containsEntry("database", true);
            }
        } finally {
            crowd.shutdownNow();
        }
        assertThat(store.calls.get()).isEqualTo(1);

        clock.advance(CACHE.minusMillis(1));
        health.check();
        assertThat(store.calls.get()).as("still fresh").isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(health.check()).containsEntry("database", true);
        assertThat(store.calls.get())
                .as("checked again once the cache period ended")
                .isEqualTo(2);
    }

    @Test
    void aStoreThatDoesNotAnswerInTimeIsDownAndIsNotAskedAgainMeanwhile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        StoreHealth hanging = () -> {
            calls.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("database", true);
        };
        CachedStoreHealth health = new CachedStoreHealth(hanging, CACHE, TIMEOUT, clock);
        try {
            long started = System.nanoTime();
            Map<String, Boolean> answer = health.check();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(answer).isNotEmpty().doesNotContainValue(true);
            assertThat(waited).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 2_000);
            // The answer is kept like any other: the next probes get it at once.
            started = System.nanoTime();
            assertThat(health.check()).doesNotContainValue(true);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isLessThan(TIMEOUT.toMillis());
            assertThat(calls.get()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aPartThatIsDownIsReportedDown() {
        CachedStoreHealth health =
                new CachedStoreHealth(() -> Map.of("database", true, "data-directory", false), CACHE, TIMEOUT, clock);

        assertThat(health.check()).containsEntry("database", true).containsEntry("data-directory", false);
    }

    @Test
    void aFailingCheckIsDownNotAnException() {
        CachedStoreHealth health = new CachedStoreHealth(
                () -> {
                    throw new IllegalStateException("the store's client is closed");
                },
                CACHE,
                TIMEOUT,
                clock);

        assertThat(health.check()).isNotEmpty().doesNotContainValue(true);
    }

    /** The real local store's health, counting how often it is asked. */
    private static final class CountingHealth implements StoreHealth {
        private final StoreHealth store;
        final AtomicInteger calls = new AtomicInteger();

        CountingHealth(StoreHealth store) {
            this.store = store;
        }

        @Override
        public Map<String, Boolean> check() {
            calls.incrementAndGet();
            return store.check();
        }
    }
}
