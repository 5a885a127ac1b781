package dev.fileshare.config;

import dev.fileshare.core.CachedSessionStore;
import dev.fileshare.core.CachedStoreHealth;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.LinkStore;
import dev.fileshare.core.port.ListingVersions;
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

/**
 * Opens the store named by {@code fileshare.store} once and hands out its ports, each call of them traced; the
 * sessions through a short-lived cache ({@link CachedSessionStore}).
 */
@ApplicationScoped
public class StoreProducer {
    /** Sessions remembered at most; each takes about 200 bytes. */
    private static final long CACHED_SESSIONS = 10_000;

    @Inject
    Tracer tracer;

    @Inject
    FileshareConfig config;

    @Produces
    @Singleton
    Stores stores(FileshareConfig config, Clock clock) {
        return switch (config.store()) {
            case "aws" -> AwsStore.open(config.aws(), config.transferUrlLifetime(), config.retention());
            case "local" -> LocalStore.open(config.dataDir(), clock, config.retention());
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
    SessionStore sessions(Stores stores, Clock clock) {
        return new CachedSessionStore(
                traced(SessionStore.class, stores.sessions()), config.sessionCacheFreshFor(), CACHED_SESSIONS, clock);
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
    LinkStore links(Stores stores) {
        return traced(LinkStore.class, stores.links());
    }

    /** Resumable uploads in progress, in the store's own tables and bytes. */
    @Produces
    @Singleton
    Optional<UploadStore> uploads(Stores stores) {
        return stores.uploads().map(adapter -> traced(UploadStore.class, adapter));
    }

    /** When each user's listing last changed, where the store can tell (the local store). */
    @Produces
    @Singleton
    Optional<ListingVersions> listingVersions(Stores stores) {
        return stores.listingVersions().map(adapter -> traced(ListingVersions.class, adapter));
    }

    @Produces
    @Singleton
    BlobStore blobs(Stores stores) {
        return traced(BlobStore.class, stores.blobs());
    }

    /** The store's health as readiness reports it: cached and bounded in time, so probes cannot flood the store. */
    @Produces
    @Singleton
    StoreHealth health(Stores stores, Clock clock) {
        // Traced inside the cache: a span per real check, none for an answer from the cache.
        StoreHealth checked = traced(StoreHealth.class, stores.health());
        return new CachedStoreHealth(checked, config.healthCache(), config.healthTimeout(), clock);
    }

    private <T> T traced(Class<T> port, T adapter) {
        return TracedPorts.traced(port, adapter, config.store(), tracer);
    }
}
