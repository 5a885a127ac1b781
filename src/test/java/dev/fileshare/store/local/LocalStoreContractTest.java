package dev.fileshare.store.local;

import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.BlobStoreContract;
import dev.fileshare.core.port.LoginFailureStore;
import dev.fileshare.core.port.LoginFailureStoreContract;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.SessionStoreContract;
import dev.fileshare.core.port.ShareStore;
import dev.fileshare.core.port.ShareStoreContract;
import dev.fileshare.core.port.StoreHealth;
import dev.fileshare.core.port.StoreHealthContract;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UserStore;
import dev.fileshare.core.port.UserStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The port contracts, run against the local adapters on a fresh data directory each test. */
class LocalStoreContractTest {
    @TempDir
    Path dataDir;

    Stores local;

    @BeforeEach
    void open() {
        local = LocalStore.open(dataDir, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected UserStore store() {
            return local.users();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore store() {
            return local.sessions();
        }
    }

    @Nested
    class LoginFailures extends LoginFailureStoreContract {
        @Override
        protected LoginFailureStore store() {
            return local.loginFailures();
        }
    }

    @Nested
    class Shares extends ShareStoreContract {
        @Override
        protected ShareStore store() {
            return local.shares();
        }

        @Override
        protected BlobStore blobs() {
            return local.blobs();
        }
    }

    @Nested
    class Blobs extends BlobStoreContract {
        @Override
        protected BlobStore store() {
            return local.blobs();
        }
    }

    @Nested
    class Health extends StoreHealthContract {
        @Override
        protected StoreHealth health() {
            return local.health();
        }
    }
}
