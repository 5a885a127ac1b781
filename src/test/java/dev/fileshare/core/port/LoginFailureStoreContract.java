package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

public abstract class LoginFailureStoreContract {
    protected abstract LoginFailureStore store();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void countsFailuresWithinOneWindow() {
        store().recordFailure(new Username("alice"), T0, WINDOW);
        store().recordFailure(new Username("alice"), T0.plusSeconds(60), WINDOW);
        LoginFailures third = store().recordFailure(new Username("alice"), T0.plusSeconds(120), WINDOW);

        assertThat(third).isEqualTo(new LoginFailures(T0, 3));
        assertThat(store().find(new Username("alice"))).contains(new LoginFailures(T0, 3));
    }

    @Test
    void startsANewWindowOnceTheOldOneEnded() {
        store().recordFailure(new Username("bob"), T0, WINDOW);
        store().recordFailure(new Username("bob"), T0.plusSeconds(1), WINDOW);

        Instant later = T0.plus(WINDOW).plusSeconds(1);
        assertThat(store().recordFailure(new Username("bob"), later, WINDOW)).isEqualTo(new LoginFailures(later, 1));
    }

    @Test
    void aWindowEndsExactlyOneWindowAfterItBegan() {
        store().recordFailure(new Username("frank"), T0, WINDOW);
        Instant lastMoment = T0.plus(WINDOW).minusMillis(1);

        assertThat(store().recordFailure(new Username("frank"), lastMoment, WINDOW))
                .isEqualTo(new LoginFailures(T0, 2));
        assertThat(store().recordFailure(new Username("frank"), T0.plus(WINDOW), WINDOW))
                .isEqualTo(new LoginFailures(T0.plus(WINDOW), 1));
    }

    @Test
    void knowsNoFailuresOfAUserWhoHasNone() {
        store().clear(new Username("grace"));

        assertThat(store().find(new Username("grace"))).isEmpty();
    }

    @Test
    void keepsUsersApartAndClearsOne() {
        store().recordFailure(new Username("carol"), T0, WINDOW);
        store().recordFailure(new Username("dave"), T0, WINDOW);

        store().clear(new Username("carol"));

        assertThat(store().find(new Username("carol"))).isEmpty();
        assertThat(store().find(new Username("dave"))).contains(new LoginFailures(T0, 1));
    }

    @Test
    void losesNoCountUnderConcurrentFailures() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<LoginFailures>> failures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                failures.add(() -> store().recordFailure(new Username("erin"), T0, WINDOW));
            }
            for (var f : pool.invokeAll(failures)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().find(new Username("erin")))
                .map(LoginFailures::failures)
                .contains(20);
    }
}
