package dev.fileshare.store.local;

import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.StoresContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The port contracts, run against the local adapters on a fresh data directory each test. */
class LocalStoreContractTest extends StoresContract {
    @TempDir
    Path dataDir;

    @Override
    protected Stores open() {
        return LocalStore.open(dataDir, Clock.systemUTC());
    }

    @Override
    protected Stores open(Clock clock, Retention retention) {
        return LocalStore.open(dataDir.resolve("with-versions"), clock, retention);
    }
}
