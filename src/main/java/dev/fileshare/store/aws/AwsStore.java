package dev.fileshare.store.aws;

import dev.fileshare.config.AwsConfig;
import dev.fileshare.store.BlobStore;
import dev.fileshare.store.LoginFailureStore;
import dev.fileshare.store.SessionStore;
import dev.fileshare.store.ShareStore;
import dev.fileshare.store.StoreHealth;
import dev.fileshare.store.Stores;
import dev.fileshare.store.UserStore;
import dev.fileshare.core.TransferLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The aws store: files in one S3 bucket, users, sessions, shares and login failures in DynamoDB tables. */
public final class AwsStore implements AutoCloseable {
    private final AwsClients clients;
    private final UserStore users;
    private final SessionStore sessions;
    private final ShareStore shares;
    private final LoginFailureStore loginFailures;
    private final BlobStore blobs;
    private final StoreHealth health;
    private final String bucket;

    private AwsStore(AwsClients clients, AwsConfig config, Clock clock) {
        this.clients = clients;
        AwsConfig.Tables tables = config.tables();
        this.users = new DynamoUserStore(clients.dynamoDb(), tables.users());
        this.sessions = new DynamoSessionStore(clients.dynamoDb(), tables.sessions());
        this.shares = new DynamoShareStore(clients.dynamoDb(), tables.shares());
        this.loginFailures = new DynamoLoginFailureStore(clients.dynamoDb(), tables.throttle());
        this.blobs = new S3BlobStore(clients.s3(), config.bucket(), clock);
        this.health = new AwsHealth(clients, config);
        this.bucket = config.bucket();
    }

    /** Builds the clients and, when {@code createResources} says so, creates a missing bucket and tables. */
    public static AwsStore open(AwsConfig config) {
        AwsClients clients = AwsClients.create(config);
        try {
            if (config.createResources()) {
                new AwsResources(clients).createMissing(config);
            }
            return new AwsStore(clients, config, Clock.systemUTC());
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    public UserStore users() {
        return users;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public ShareStore shares() {
        return shares;
    }

    public LoginFailureStore loginFailures() {
        return loginFailures;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public StoreHealth health() {
        return health;
    }

    /**
     * S3 presigned URLs to one object of the bucket, valid for {@code lifetime} (1 second to 7 days); all share
     * the application's one presigner.
     */
    public TransferLinks transferLinks(Duration lifetime) {
        return new S3TransferLinks(clients.presigner(), bucket, lifetime);
    }

    /** The ports of this store, its transfer URLs valid for {@code transferUrlLifetime}; closing them closes the clients. */
    public Stores stores(Duration transferUrlLifetime) {
        return new Stores(users, sessions, shares, loginFailures, blobs, health,
                Optional.of(transferLinks(transferUrlLifetime)), this);
    }

    @Override
    public void close() {
        clients.close();
    }
}
