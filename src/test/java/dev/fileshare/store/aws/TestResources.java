package dev.fileshare.store.aws;

import dev.fileshare.config.AwsConfig;
import dev.fileshare.tools.AwsStandIns;
import java.util.Optional;
import java.util.UUID;

/** Configurations that point at the stand-ins, with names no other test uses. */
final class TestResources {
    private TestResources() {
    }

    /** A new bucket and new tables, created on open. */
    static AwsConfig fresh(AwsStandIns standIns) {
        return named(standIns, UUID.randomUUID().toString().substring(0, 12), true);
    }

    static AwsConfig named(AwsStandIns standIns, String suffix, boolean createResources) {
        return new AwsConfig("us-east-1", "fileshare-test-" + suffix,
                new AwsConfig.Tables("users-" + suffix, "sessions-" + suffix, "shares-" + suffix, "throttle-" + suffix),
                Optional.of(standIns.s3Endpoint()), Optional.of(standIns.dynamoDbEndpoint()), createResources);
    }
}
