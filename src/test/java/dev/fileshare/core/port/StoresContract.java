package dev.fileshare.core.port;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * Every port contract, run against one adapter set. A runner says how to open a fresh set (nothing stored yet);
 * each test gets its own, closed after it.
 */
public abstract class StoresContract {
    private Stores stores;

    protected abstract Stores open();

    /** Whether the adapters keep older versions and a trash; when not, {@link Versions} is skipped. */
    protected boolean keepsVersions() {
        return true;
    }

    /** Whether the blob store's listing tells each version's digest. */
    protected boolean listsDigests() {
        return true;
    }

    /** Whether a version the blob store writes in parts has a digest. */
    protected boolean knowsDigestsOfLargeWrites() {
        return true;
    }

    /** Whether the adapters stamp versions and deletes with the clock they are given (see {@link BlobVersionsContract}). */
    protected boolean timesFollowTheClock() {
        return true;
    }

    /** Opens a fresh set on {@code clock}, keeping older versions and the trash as {@code retention} says. */
    protected Stores open(Clock clock, Retention retention) {
        throw new UnsupportedOperationException("these adapters keep no versions");
    }

    @BeforeEach
    void openStores() {
        stores = open();
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected UserStore store() {
            return stores.users();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore store() {
            return stores.sessions();
        }
    }

    @Nested
    class LoginAttempts extends LoginAttemptStoreContract {
        @Override
        protected LoginAttemptStore store() {
            return stores.loginAttempts();
        }
    }

    @Nested
    class Shares extends ShareStoreContract {
        @Override
        protected ShareStore store() {
            return stores.shares();
        }

        @Override
        protected BlobStore blobs() {
            return stores.blobs();
        }
    }

    @Nested
    class Listings extends ListingVersionsContract {
        @Override
        protected Optional<ListingVersions> versions() {
            return stores.listingVersions();
        }

        @Override
        protected BlobStore blobs() {
            return stores.blobs();
        }

        @Override
        protected ShareStore shares() {
            return stores.shares();
        }
    }

    @Nested
    class Links extends LinkStoreContract {
        @Override
        protected LinkStore store() {
            return stores.links();
        }
    }

    @Nested
    class Blobs extends BlobStoreContract {
        @Override
        protected BlobStore store() {
            return stores.blobs();
        }

        @Override
        protected boolean keepsVersions() {
            return StoresContract.this.keepsVersions();
        }

        @Override
        protected boolean listsDigests() {
            return StoresContract.this.listsDigests();
        }

        @Override
        protected boolean knowsDigestsOfLargeWrites() {
            return StoresContract.this.knowsDigestsOfLargeWrites();
        }
    }

    @Nested
    class Versions extends BlobVersionsContract {
        @Override
        protected boolean keepsVersions() {
            return StoresContract.this.keepsVersions();
        }

        @Override
        protected Stores open(Clock clock, Retention retention) {
            return StoresContract.this.open(clock, retention);
        }

        @Override
        protected boolean timesFollowTheClock() {
            return StoresContract.this.timesFollowTheClock();
        }

        @Override
        protected boolean listsDigests() {
            return StoresContract.this.listsDigests();
        }
    }

    @Nested
    class Uploads extends UploadStoreContract {
        @Override
        protected UploadStore store() {
            return stores.uploads().orElseThrow();
        }
    }

    @Nested
    class Health extends StoreHealthContract {
        @Override
        protected StoreHealth health() {
            return stores.health();
        }
    }
}
