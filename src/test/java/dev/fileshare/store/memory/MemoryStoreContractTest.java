package dev.fileshare.store.memory;

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
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The port contracts, run against the in-memory adapters, a fresh store each test. */
class MemoryStoreContractTest {
    Stores memory;

    @BeforeEach
    void open() {
        memory = MemoryStore.open(Clock.systemUTC());
    }

    @AfterEach
    void close() {
        memory.close();
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected UserStore store() {
            return memory.users();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore store() {
            return memory.sessions();
        }
    }

    @Nested
    class LoginFailures extends LoginFailureStoreContract {
        @Override
        protected LoginFailureStore store() {
            return memory.loginFailures();
        }
    }

    @Nested
    class Shares extends ShareStoreContract {
        @Override
        protected ShareStore store() {
            return memory.shares();
        }

        @Override
        protected BlobStore blobs() {
            return memory.blobs();
        }
    }

    @Nested
    class Blobs extends BlobStoreContract {
        @Override
        protected BlobStore store() {
            return memory.blobs();
        }
    }

    @Nested
    class Health extends StoreHealthContract {
        @Override
        protected StoreHealth health() {
            return memory.health();
        }
    }
}
