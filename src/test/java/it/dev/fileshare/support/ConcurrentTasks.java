package it.dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs test tasks at the same time, bounded in time: the results in order, or the first failure. */
public final class ConcurrentTasks {
    private ConcurrentTasks() {}

    /** Each task on a thread of its own; the threads are gone when this returns. */
    public static <T> List<T> runAll(List<Callable<T>> tasks, Duration limit) throws Exception {
        return runAll(tasks, tasks.size(), limit);
    }

    /** The tasks on {@code threads} threads of their own; the threads are gone when this returns. */
    public static <T> List<T> runAll(List<Callable<T>> tasks, int threads, Duration limit) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            return runAll(executor, tasks, limit);
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** The tasks on {@code pool}; fails when one of them is still running at {@code limit}, or failed. */
    public static <T> List<T> runAll(ExecutorService pool, List<Callable<T>> tasks, Duration limit) throws Exception {
        List<Future<T>> futures = pool.invokeAll(tasks, limit.toMillis(), TimeUnit.MILLISECONDS);
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            assertThat(future.isCancelled())
                    .as("a task still ran at the %s limit", limit)
                    .isFalse();
            results.add(future.get());
        }
        return results;
    }
}
