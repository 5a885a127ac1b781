package dev.fileshare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.store.aws.AwsSettings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsConfigTest {

    private static AwsSettings read(Map<String, String> values) {
        return AwsConfig.read(new ConfigReader(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void hasTheDocumentedDefaults() {
        AwsSettings config = read(Map.of());

        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.bucket()).isEqualTo("fileshare-files");
        assertThat(config.tables())
                .isEqualTo(new AwsSettings.Tables(
                        "fileshare-users",
                        "fileshare-sessions",
                        "fileshare-shares",
                        "fileshare-login-attempts",
                        "fileshare-links",
                        "fileshare-uploads"));
        assertThat(config.s3Endpoint()).isEmpty();
        assertThat(config.dynamoDbEndpoint()).isEmpty();
        assertThat(config.createResources()).isFalse();
        assertThat(config.usesEndpointOverride()).isFalse();
    }

    @Test
    void readsEveryKey() {
        AwsSettings config = read(Map.of(
                AwsConfig.REGION, "eu-central-1",
                AwsConfig.BUCKET, "my-files",
                AwsConfig.TABLE_SESSIONS, "s.s",
                AwsConfig.TABLE_SHARES, "sh_1",
                AwsConfig.TABLE_LOGIN_ATTEMPTS, "t-1",
                AwsConfig.TABLE_LINKS, "l-1",
                AwsConfig.TABLE_UPLOADS, "u-1",
                AwsConfig.S3_ENDPOINT, "http://127.0.0.1:4568",
                AwsConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:4567",
                AwsConfig.CREATE_RESOURCES, "TRUE"));

        assertThat(config.region()).isEqualTo("eu-central-1");
        assertThat(config.bucket()).isEqualTo("my-files");
        assertThat(config.tables())
                .isEqualTo(new AwsSettings.Tables("fileshare-users", "s.s", "sh_1", "t-1", "l-1", "u-1"));
        assertThat(config.s3Endpoint()).contains(URI.create("http://127.0.0.1:4568"));
        assertThat(config.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(config.createResources()).isTrue();
        assertThat(config.usesEndpointOverride()).isTrue();
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> read(Map.of(AwsConfig.BUCKET, "My_Bucket")))
                .hasMessageContaining("fileshare.aws.bucket")
                .hasMessageContaining("FILESHARE_AWS_BUCKET");
        assertThatThrownBy(() -> read(Map.of(AwsConfig.REGION, "moon"))).hasMessageContaining("fileshare.aws.region");
        assertThatThrownBy(() -> read(Map.of(AwsConfig.TABLE_SHARES, "a")))
                .hasMessageContaining("fileshare.aws.table.shares");
        assertThatThrownBy(() -> read(Map.of(AwsConfig.S3_ENDPOINT, "127.0.0.1:4568")))
                .hasMessageContaining("fileshare.aws.s3.endpoint");
        assertThatThrownBy(() -> read(Map.of(AwsConfig.DYNAMODB_ENDPOINT, "ftp://x")))
                .hasMessageContaining("fileshare.aws.dynamodb.endpoint");
        assertThatThrownBy(() -> read(Map.of(AwsConfig.CREATE_RESOURCES, "yes")))
                .hasMessageContaining("fileshare.aws.create-resources");
    }

    @Test
    void theStoreIsLocalOrAws() {
        assertThat(FileshareConfig.read(new ConfigReader(key -> Optional.ofNullable(
                                Map.of(FileshareConfig.STORE, "aws").get(key))))
                        .store())
                .isEqualTo("aws");
        assertThatThrownBy(() -> FileshareConfig.read(new ConfigReader(key ->
                        Optional.ofNullable(Map.of(FileshareConfig.STORE, "s3").get(key)))))
                .hasMessageContaining("fileshare.store");
    }
}
