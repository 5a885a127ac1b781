package dev.fileshare.store.aws;

import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The aws store: files in one S3 bucket; users, sessions, shares, login attempts, links and uploads in
 * progress in DynamoDB tables (an upload's bytes in the bucket, under a prefix no file takes). */
public final class AwsStore {
    private AwsStore() {}

    /**
     * Builds the clients (one of each for the application) and, when {@code createResources} says so, creates a
     * missing bucket and tables. Transfer URLs are S3 presigned URLs valid for {@code transferUrlLifetime}
     * (1 second to 7 days). Closing the ports closes the clients.
     */
    public static Stores open(AwsSettings config, Duration transferUrlLifetime) {
        return open(config, transferUrlLifetime, Retention.DEFAULT);
    }

    /**
     * As {@link #open(AwsSettings, Duration)}, keeping older versions and the trash as {@code retention} says when
     * the bucket is versioned (the bucket's lifecycle rules must say the same: infra's DataStores).
     */
    public static Stores open(AwsSettings config, Duration transferUrlLifetime, Retention retention) {
        return open(config, transferUrlLifetime, retention, Clock.systemUTC(), List.of());
    }

    /** As {@link #open(AwsSettings, Duration)}, with {@code interceptors} on every S3 and DynamoDB call (tests count calls). */
    static Stores open(AwsSettings config, Duration transferUrlLifetime, List<ExecutionInterceptor> interceptors) {
        return open(config, transferUrlLifetime, Retention.DEFAULT, Clock.systemUTC(), interceptors);
    }

    static Stores open(
            AwsSettings config,
            Duration transferUrlLifetime,
            Retention retention,
            Clock clock,
            List<ExecutionInterceptor> interceptors) {
        AwsClients clients = AwsClients.create(config, interceptors);
        try {
            if (config.createResources()) {
                new AwsResources(clients).createMissing(config);
            }
            AwsSettings.Tables tables = config.tables();
            S3BlobStore blobs = S3BlobStore.open(clients.s3(), config.bucket(), clock, retention);
            return new Stores(
                    new DynamoUserStore(clients.dynamoDb(), tables.users()),
                    new DynamoSessionStore(clients.dynamoDb(), tables.sessions()),
                    new DynamoShareStore(clients.dynamoDb(), tables.shares(), blobs::find),
                    new DynamoLoginAttemptStore(clients.dynamoDb(), tables.loginAttempts()),
                    new DynamoLinkStore(clients.dynamoDb(), tables.links()),
                    blobs,
                    Optional.of(new DynamoUploadStore(
                            clients.dynamoDb(),
                            tables.uploads(),
                            new S3StagedBytes(clients.s3(), config.bucket()),
                            Clock.systemUTC())),
                    new AwsHealth(clients, config),
                    Optional.of(new S3TransferUrls(
                            clients.s3(), clients.presigner(), config.bucket(), transferUrlLifetime)),
                    Optional.empty(),
                    clients);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }
}
