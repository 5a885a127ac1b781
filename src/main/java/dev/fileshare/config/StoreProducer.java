package dev.fileshare.config;

import dev.fileshare.core.CachedStoreHealth;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.ShareStore;
import dev.fileshare.core.port.StoreHealth;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UserStore;
import dev.fileshare.store.aws.AwsStore;
import dev.fileshare.store.local.LocalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Opens the store named by {@code fileshare.store} once and hands out its ports. */
@ApplicationScoped
public class StoreProducer {

    @Produces
    @Singleton
    Stores stores(FileshareConfig config, Clock clock) {
        return switch (config.store()) {
            case "aws" -> AwsStore.open(config.aws(), config.transferUrlLifetime());
            case "local" -> LocalStore.open(config.dataDir(), clock);
            default -> throw new IllegalStateException("unknown store " + config.store());
        };
    }

    void close(@Disposes Stores stores) {
        stores.close();
    }

    @Produces
    @Singleton
    UserStore users(Stores stores) {
        return stores.users();
    }

    @Produces
    @Singleton
    SessionStore sessions(Stores stores) {
        return stores.sessions();
    }

    @Produces
    @Singleton
    ShareStore shares(Stores stores) {
        return stores.shares();
    }

    @Produces
    @Singleton
    LoginAttemptStore loginAttempts(Stores stores) {
        return stores.loginAttempts();
    }

    @Produces
    @Singleton
    BlobStore blobs(Stores stores) {
        return stores.blobs();
    }

    /** The store's health as readiness reports it: cached and bounded in time, so probes cannot flood the store. */
    @Produces
    @Singleton
    StoreHealth health(Stores stores, FileshareConfig config, Clock clock) {
        return new CachedStoreHealth(stores.health(), config.healthCache(), config.healthTimeout(), clock);
    }
}
