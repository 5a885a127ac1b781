package dev.fileshare.core;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The store calls made since the last {@link #clear}, each named by where it goes and what it does (e.g.
 * {@code "DynamoDB GetItem(sessions)"}, {@code "SQLite SELECT(files)"}), counted. Adapter tests fill it from a
 * hook of the store (an SDK interceptor, a wrapped JDBC connection).
 */
public final class StoreCalls {
    private final SortedMap<String, Integer> counts = new TreeMap<>();

    public synchronized void add(String call) {
        counts.merge(call, 1, Integer::sum);
    }

    public synchronized void clear() {
        counts.clear();
    }

    /** The calls counted so far, by name. */
    public synchronized SortedMap<String, Integer> counted() {
        return new TreeMap<>(counts);
    }
}
