package dev.fileshare.store.aws;

import dev.fileshare.tools.AwsStandIns;
import java.util.Optional;
import java.util.UUID;

/** Configurations that point at the stand-ins, with names no other test uses. */
final class TestResources {
    private TestResources() {}

    /** A new bucket and new tables, created on open. */
    static AwsSettings fresh(AwsStandIns standIns) {
        return named(standIns, UUID.randomUUID().toString().substring(0, 12), true);
    }

    static AwsSettings named(AwsStandIns standIns, String suffix, boolean createResources) {
        return new AwsSettings(
                "us-east-1",
                "fileshare-test-" + suffix,
                new AwsSettings.Tables(
                        "users-" + suffix,
                        "sessions-" + suffix,
                        "shares-" + suffix,
                        "login-attempts-" + suffix,
                        "links-" + suffix,
                        "uploads-" + suffix),
                Optional.of(standIns.s3Endpoint()),
                Optional.of(standIns.dynamoDbEndpoint()),
                createResources);
    }
}
