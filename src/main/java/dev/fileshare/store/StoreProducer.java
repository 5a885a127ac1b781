package dev.fileshare.store;

import dev.fileshare.config.FileshareConfig;
import dev.fileshare.store.local.LocalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Picks the store adapters named by {@code fileshare.store} and hands out its ports. */
@ApplicationScoped
public class StoreProducer {

    @Produces
    @Singleton
    LocalStore localStore(FileshareConfig config, Clock clock) {
        return LocalStore.open(config.dataDir(), clock);
    }

    void close(@Disposes LocalStore store) {
        store.close();
    }

    @Produces
    @Singleton
    UserStore users(LocalStore store) {
        return store.users();
    }

    @Produces
    @Singleton
    SessionStore sessions(LocalStore store) {
        return store.sessions();
    }

    @Produces
    @Singleton
    ShareStore shares(LocalStore store) {
        return store.shares();
    }

    @Produces
    @Singleton
    LoginFailureStore loginFailures(LocalStore store) {
        return store.loginFailures();
    }

    @Produces
    @Singleton
    BlobStore blobs(LocalStore store) {
        return store.blobs();
    }

    @Produces
    @Singleton
    StoreHealth health(LocalStore store) {
        return store.health();
    }
}
