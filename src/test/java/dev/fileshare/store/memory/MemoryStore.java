package dev.fileshare.store.memory;

import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.StoreHealth;
import dev.fileshare.core.port.Stores;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A store held in this JVM's memory, for fast tests of the core: every port with the semantics of the local and
 * aws adapters (the same contract tests run against all three), nothing kept across instances.
 */
public final class MemoryStore {
    private MemoryStore() {}

    /** Opens an empty store; like the local store, it has no transfer URLs of its own. */
    public static Stores open(Clock clock) {
        return open(clock, Retention.DEFAULT);
    }

    /** As {@link #open(Clock)}, keeping older versions and the trash as {@code retention} says. */
    public static Stores open(Clock clock, Retention retention) {
        AtomicBoolean open = new AtomicBoolean(true);
        StoreHealth health = () -> Map.of("memory", open.get());
        return new Stores(
                new MemoryUserStore(),
                new MemorySessionStore(),
                new MemoryShareStore(),
                new MemoryLoginAttemptStore(),
                new MemoryLinkStore(),
                new MemoryBlobStore(clock, retention),
                Optional.of(new MemoryUploadStore()),
                health,
                Optional.empty(),
                Optional.empty(),
                () -> open.set(false));
    }
}
