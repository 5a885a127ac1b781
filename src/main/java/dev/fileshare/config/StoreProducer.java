package dev.fileshare.config;

import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.ShareStore;
import dev.fileshare.core.port.StoreHealth;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UploadStore;
import dev.fileshare.core.port.UserStore;
import dev.fileshare.store.aws.AwsStore;
import dev.fileshare.store.local.LocalStore;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Opens the store named by {@code fileshare.store} once and hands out its ports, each call of them traced. */
@ApplicationScoped
public class StoreProducer {

    @Inject
    Tracer tracer;

    @Inject
    FileshareConfig config;

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
        return traced(UserStore.class, stores.users());
    }

    @Produces
    @Singleton
    SessionStore sessions(Stores stores) {
        return traced(SessionStore.class, stores.sessions());
    }

    @Produces
    @Singleton
    ShareStore shares(Stores stores) {
        return traced(ShareStore.class, stores.shares());
    }

    @Produces
    @Singleton
    LoginAttemptStore loginAttempts(Stores stores) {
        return traced(LoginAttemptStore.class, stores.loginAttempts());
    }

    @Produces
    @Singleton
    BlobStore blobs(Stores stores) {
        return traced(BlobStore.class, stores.blobs());
    }

    /** Resumable uploads, where the store keeps them (the aws store does not yet). */
    @Produces
    @Singleton
    Optional<UploadStore> uploads(Stores stores) {
        return stores.uploads().map(adapter -> traced(UploadStore.class, adapter));
    }

    @Produces
    @Singleton
    StoreHealth health(Stores stores) {
        return traced(StoreHealth.class, stores.health());
    }

    private <T> T traced(Class<T> port, T adapter) {
        return TracedPorts.traced(port, adapter, config.store(), tracer);
    }
}
