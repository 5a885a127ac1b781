package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.port.Stores;
import dev.fileshare.tools.AwsStandIns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class AwsHealthTest {

    @Test
    void reportsTheBucketAndEachTableByItsRoleNotItsName(AwsStandIns standIns) {
        AwsSettings config = TestResources.fresh(standIns);
        try (Stores aws = AwsStore.open(config, Duration.ofMinutes(15))) {
            Map<String, Boolean> parts = aws.health().check();

            assertThat(parts)
                    .containsExactly(
                            Map.entry("bucket", true),
                            Map.entry("users-table", true),
                            Map.entry("sessions-table", true),
                            Map.entry("shares-table", true),
                            Map.entry("login-attempts-table", true),
                            Map.entry("links-table", true),
                            Map.entry("uploads-table", true));
            AwsSettings.Tables t = config.tables();
            for (String resource : List.of(
                    config.bucket(), t.users(), t.sessions(), t.shares(), t.loginAttempts(), t.links(), t.uploads())) {
                assertThat(parts.toString()).doesNotContain(resource);
            }
        }
    }

    @Test
    void reportsMissingResourcesAsDown(AwsStandIns standIns) {
        AwsSettings config =
                TestResources.named(standIns, UUID.randomUUID().toString().substring(0, 12), false);
        try (Stores aws = AwsStore.open(config, Duration.ofMinutes(15))) {
            assertThat(aws.health().check())
                    .hasSize(7)
                    .allSatisfy((part, up) -> assertThat(up).as(part).isFalse());
        }
    }
}
