package dev.fileshare.store.aws;

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
import dev.fileshare.tools.AwsStandIns;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** The port contracts, run against the aws adapters on dynalite and S3Proxy, with a new bucket and tables each test. */
@ExtendWith(AwsStandInsExtension.class)
class AwsStoreContractTest {
    Stores aws;

    @BeforeEach
    void open(AwsStandIns standIns) {
        aws = AwsStore.open(TestResources.fresh(standIns), Duration.ofMinutes(15));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected UserStore store() {
            return aws.users();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore store() {
            return aws.sessions();
        }
    }

    @Nested
    class LoginFailures extends LoginFailureStoreContract {
        @Override
        protected LoginFailureStore store() {
            return aws.loginFailures();
        }
    }

    @Nested
    class Shares extends ShareStoreContract {
        @Override
        protected ShareStore store() {
            return aws.shares();
        }

        @Override
        protected BlobStore blobs() {
            return aws.blobs();
        }
    }

    @Nested
    class Blobs extends BlobStoreContract {
        @Override
        protected BlobStore store() {
            return aws.blobs();
        }
    }

    @Nested
    class Health extends StoreHealthContract {
        @Override
        protected StoreHealth health() {
            return aws.health();
        }
    }
}
