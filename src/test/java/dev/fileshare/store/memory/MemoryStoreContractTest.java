package dev.fileshare.store.memory;

import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.StoresContract;
import java.time.Clock;

/** The port contracts, run against the in-memory adapters, a fresh store each test. */
class MemoryStoreContractTest extends StoresContract {
    @Override
    protected Stores open() {
        return MemoryStore.open(Clock.systemUTC());
    }

    @Override
    protected Stores open(Clock clock, Retention retention) {
        return MemoryStore.open(clock, retention);
    }
}
