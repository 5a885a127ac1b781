package dev.fileshare.store;

import static org.assertj.core.api.Assertions.assertThat;

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
        store().recordFailure("alice", T0, WINDOW);
        store().recordFailure("alice", T0.plusSeconds(60), WINDOW);
        FailureWindow third = store().recordFailure("alice", T0.plusSeconds(120), WINDOW);

        assertThat(third).isEqualTo(new FailureWindow(T0, 3));
        assertThat(store().find("alice")).contains(new FailureWindow(T0, 3));
    }

    @Test
    void startsANewWindowOnceTheOldOneEnded() {
        store().recordFailure("bob", T0, WINDOW);
        store().recordFailure("bob", T0.plusSeconds(1), WINDOW);

        Instant later = T0.plus(WINDOW).plusSeconds(1);
        assertThat(store().recordFailure("bob", later, WINDOW)).isEqualTo(new FailureWindow(later, 1));
    }

    @Test
    void keepsUsersApartAndClearsOne() {
        store().recordFailure("carol", T0, WINDOW);
        store().recordFailure("dave", T0, WINDOW);

        store().clear("carol");

        assertThat(store().find("carol")).isEmpty();
        assertThat(store().find("dave")).contains(new FailureWindow(T0, 1));
    }

    @Test
    void losesNoCountUnderConcurrentFailures() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<FailureWindow>> failures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                failures.add(() -> store().recordFailure("erin", T0, WINDOW));
            }
            for (var f : pool.invokeAll(failures)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().find("erin")).map(FailureWindow::failures).contains(20);
    }
}
