package dev.fileshare.store.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The one S3 client, the one S3 presigner and the one DynamoDB client of the application, built from
 * configuration. The presigner signs with the S3 client's region, endpoint, credentials and addressing style.
 */
record AwsClients(S3Client s3, S3Presigner presigner, DynamoDbClient dynamoDb) implements AutoCloseable {

    /** Stand-ins check no signatures, but the SDK must sign something when no real credentials are around. */
    private static final AwsBasicCredentials STAND_IN_CREDENTIALS =
            AwsBasicCredentials.create("fileshare-stand-in", "fileshare-stand-in");

    static AwsClients create(AwsSettings config) {
        return create(config, List.of());
    }

    static AwsClients create(AwsSettings config, List<ExecutionInterceptor> interceptors) {
        Region region = Region.of(config.region());
        AwsCredentialsProvider credentials = credentials(config);
        // The HTTP client is named explicitly: no classpath scanning for an implementation inside Liberty.
        S3Client s3 = withEndpoint(S3Client.builder(), config.s3Endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.executionInterceptors(interceptors))
                // Stand-ins need path-style URLs (no bucket.host DNS names).
                .forcePathStyle(config.s3Endpoint().isPresent())
                .build();
        S3Presigner.Builder presignerBuilder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.s3Endpoint().isPresent())
                        .build());
        config.s3Endpoint().ifPresent(presignerBuilder::endpointOverride);
        S3Presigner presigner = presignerBuilder.build();
        DynamoDbClient dynamoDb = withEndpoint(DynamoDbClient.builder(), config.dynamoDbEndpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.executionInterceptors(interceptors))
                .build();
        return new AwsClients(s3, presigner, dynamoDb);
    }

    /**
     * Against AWS, the default chain (environment, profile, container or instance role). Against a stand-in,
     * only credentials given explicitly (system properties, environment), else placeholders: the chain's
     * instance-metadata look-up would reach for a non-local address.
     */
    private static AwsCredentialsProvider credentials(AwsSettings config) {
        if (!config.usesEndpointOverride()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.of(
                SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create(),
                StaticCredentialsProvider.create(STAND_IN_CREDENTIALS));
    }

    private static <B extends software.amazon.awssdk.core.client.builder.SdkClientBuilder<B, ?>> B withEndpoint(
            B builder, Optional<URI> endpoint) {
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        s3.close();
        presigner.close();
        dynamoDb.close();
    }
}
