package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.port.Stores;
import dev.fileshare.tools.AwsStandIns;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class AwsHealthTest {

    @Test
    void reportsTheBucketAndEachTableByName(AwsStandIns standIns) {
        AwsSettings config = TestResources.fresh(standIns);
        try (Stores aws = AwsStore.open(config, Duration.ofMinutes(15))) {
            AwsSettings.Tables t = config.tables();
            assertThat(aws.health().check())
                    .containsExactly(
                            java.util.Map.entry("bucket:" + config.bucket(), true),
                            java.util.Map.entry("table:" + t.users(), true),
                            java.util.Map.entry("table:" + t.sessions(), true),
                            java.util.Map.entry("table:" + t.shares(), true),
                            java.util.Map.entry("table:" + t.loginAttempts(), true),
                            java.util.Map.entry("table:" + t.links(), true));
        }
    }

    @Test
    void reportsMissingResourcesAsDown(AwsStandIns standIns) {
        AwsSettings config =
                TestResources.named(standIns, UUID.randomUUID().toString().substring(0, 12), false);
        try (Stores aws = AwsStore.open(config, Duration.ofMinutes(15))) {
            assertThat(aws.health().check())
                    .hasSize(6)
                    .allSatisfy((part, up) -> assertThat(up).as(part).isFalse());
        }
    }
}
