package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.store.memory.MemoryStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Closing the stores closes what they hold (connections, clients); a failure to do so is the store's. */
class StoresTest {
    private final Stores parts = MemoryStore.open(Clock.systemUTC());

    @Test
    void closingTheStoresClosesTheirResources() {
        AtomicBoolean closed = new AtomicBoolean();

        withResources(() -> closed.set(true)).close();

        assertThat(closed).isTrue();
    }

    @Test
    void aResourceThatCannotCloseIsAStoreFault() {
        IOException cause = new IOException("disk gone");

        assertThatThrownBy(() -> withResources(() -> {
                            throw cause;
                        })
                        .close())
                .isInstanceOf(StoreException.class)
                .hasCause(cause);
    }

    private Stores withResources(AutoCloseable resources) {
        return new Stores(
                parts.users(),
                parts.sessions(),
                parts.shares(),
                parts.loginAttempts(),
                parts.links(),
                parts.blobs(),
                parts.uploads(),
                parts.health(),
                Optional.empty(),
                parts.listingVersions(),
                resources);
    }
}
