package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

public abstract class LoginAttemptStoreContract {
    protected abstract LoginAttemptStore store();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private static ThrottleKey user(String name) {
        return ThrottleKey.username(new Username(name));
    }

    @Test
    void grantsUpToTheLimitThenRefusesUntilTheWindowEnds() {
        ThrottleKey alice = user("alice");
        for (int i = 1; i <= 3; i++) {
            assertThat(store().reserve(alice, T0.plusSeconds(i - 1), WINDOW, 3))
                    .isEqualTo(new Reservation(true, i, T0.plus(WINDOW)));
        }

        assertThat(store().reserve(alice, T0.plusSeconds(60), WINDOW, 3))
                .isEqualTo(new Reservation(false, 3, T0.plus(WINDOW)));
        assertThat(store().reserve(alice, T0.plus(WINDOW).minusMillis(1), WINDOW, 3))
                .extracting(Reservation::granted)
                .isEqualTo(false);
        // The window ends at its end: from then on a new one opens with this attempt.
        Instant later = T0.plus(WINDOW);
        assertThat(store().reserve(alice, later, WINDOW, 3)).isEqualTo(new Reservation(true, 1, later.plus(WINDOW)));
    }

    @Test
    void aRefusedAttemptIsNotCounted() {
        ThrottleKey bob = user("bob");
        Reservation first = store().reserve(bob, T0, WINDOW, 2);
        store().reserve(bob, T0, WINDOW, 2);
        for (int i = 0; i < 5; i++) {
            assertThat(store().reserve(bob, T0, WINDOW, 2).granted()).isFalse();
        }

        store().release(bob, first);

        assertThat(store().reserve(bob, T0.plusSeconds(1), WINDOW, 2))
                .isEqualTo(new Reservation(true, 2, T0.plus(WINDOW)));
    }

    @Test
    void releaseGivesBackOneAttemptOfThatWindowAndNeverGoesBelowZero() {
        ThrottleKey carol = user("carol");
        Reservation once = store().reserve(carol, T0, WINDOW, 5);
        store().release(carol, once);
        store().release(carol, once);
        assertThat(store().reserve(carol, T0.plusSeconds(1), WINDOW, 5).attempts())
                .as("after giving back one attempt twice")
                .isEqualTo(1);

        // A reservation of an ended window gives nothing back from the new one.
        Instant later = T0.plus(WINDOW);
        store().reserve(carol, later, WINDOW, 5);
        store().release(carol, once);
        assertThat(store().reserve(carol, later.plusSeconds(1), WINDOW, 5).attempts())
                .isEqualTo(2);
    }

    @Test
    void theLimitIsThatOfEachCall() {
        ThrottleKey dave = user("dave");
        for (int i = 0; i < 3; i++) {
            store().reserve(dave, T0, WINDOW, 10);
        }
        assertThat(store().reserve(dave, T0, WINDOW, 3).granted()).isFalse();
        assertThat(store().reserve(dave, T0, WINDOW, 4)).isEqualTo(new Reservation(true, 4, T0.plus(WINDOW)));
    }

    @Test
    void keysAreApartAndClearForgetsOne() {
        ClientAddress address = new ClientAddress("203.0.113.7");
        Username erin = new Username("erin");
        List<ThrottleKey> keys = List.of(
                ThrottleKey.username(erin),
                ThrottleKey.address(address),
                ThrottleKey.usernameAndAddress(erin, address),
                user("frank"));
        for (ThrottleKey key : keys) {
            store().reserve(key, T0, WINDOW, 5);
        }

        store().clear(ThrottleKey.usernameAndAddress(erin, address));

        assertThat(keys.stream().map(key -> store().reserve(key, T0, WINDOW, 5).attempts()))
                .containsExactly(2, 2, 1, 2);
    }

    @Test
    void aClearedOrUnknownCounterHasNothingToGiveBack() {
        ThrottleKey ivan = user("ivan");
        Reservation beforeTheClear = store().reserve(ivan, T0, WINDOW, 5);
        store().clear(ivan);
        store().release(ivan, beforeTheClear);
        store().release(user("judy"), beforeTheClear);
        store().clear(user("judy"));

        Instant later = T0.plusSeconds(1);
        assertThat(store().reserve(ivan, later, WINDOW, 5)).isEqualTo(new Reservation(true, 1, later.plus(WINDOW)));
        assertThat(store().reserve(user("judy"), later, WINDOW, 5).attempts()).isEqualTo(1);
    }

    @Test
    void parallelReservationsGrantExactlyTheLimit() throws Exception {
        List<Reservation> answers = reserveInParallel(user("grace"), T0, 40, 7);

        assertThat(answers).filteredOn(Reservation::granted).hasSize(7);
        assertThat(answers)
                .filteredOn(Reservation::granted)
                .extracting(Reservation::attempts)
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
        assertThat(answers)
                .filteredOn(r -> !r.granted())
                .allSatisfy(r -> assertThat(r.attempts()).isEqualTo(7));
        assertThat(store().reserve(user("grace"), T0, WINDOW, 8).attempts()).isEqualTo(8);
    }

    @Test
    void parallelReservationsAsAWindowEndsGrantExactlyTheLimitOfTheNewOne() throws Exception {
        ThrottleKey heidi = user("heidi");
        for (int i = 0; i < 5; i++) {
            store().reserve(heidi, T0, WINDOW, 5);
        }

        Instant later = T0.plus(WINDOW).plusSeconds(1);
        List<Reservation> answers = reserveInParallel(heidi, later, 20, 5);

        assertThat(answers)
                .filteredOn(Reservation::granted)
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.windowEnd()).isEqualTo(later.plus(WINDOW)));
    }

    private List<Reservation> reserveInParallel(ThrottleKey key, Instant now, int calls, int limit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Reservation>> reservations = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                reservations.add(() -> {
                    start.await();
                    return store().reserve(key, now, WINDOW, limit);
                });
            }
            List<Future<Reservation>> futures = new ArrayList<>();
            for (Callable<Reservation> r : reservations) {
                futures.add(pool.submit(r));
            }
            start.countDown();
            List<Reservation> answers = new ArrayList<>();
            for (Future<Reservation> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
