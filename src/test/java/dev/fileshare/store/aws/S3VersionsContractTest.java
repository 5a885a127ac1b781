package dev.fileshare.store.aws;

import dev.fileshare.core.port.BlobVersionsContract;
import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.Stores;
import dev.fileshare.tools.AwsStandIns;
import dev.fileshare.tools.S3MockProcess;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The older versions and the trash of the aws adapters on a versioned bucket: S3Mock for S3 (versions and delete
 * markers; S3Proxy has no versioning), dynalite for the tables, a new bucket and tables each test.
 *
 * <p>S3 stamps versions and delete markers with its own clock, which a test cannot move: the store runs on the system
 * clock, the contract's tests that age things by moving its clock are skipped, and the age rules are tested on the
 * function that applies them to a listing ({@code S3VersionHistoryTest}).
 */
@ExtendWith({AwsStandInsExtension.class, S3MockExtension.class})
class S3VersionsContractTest extends BlobVersionsContract {
    private final AwsStandIns standIns;
    private final S3MockProcess s3Mock;

    S3VersionsContractTest(AwsStandIns standIns, S3MockProcess s3Mock) {
        this.standIns = standIns;
        this.s3Mock = s3Mock;
    }

    @Override
    protected boolean keepsVersions() {
        return true;
    }

    @Override
    protected boolean timesFollowTheClock() {
        return false;
    }

    /** S3's listing of versions, which the trash is read from, has no metadata, where the digest is kept. */
    @Override
    protected boolean listsDigests() {
        return false;
    }

    @Override
    protected Stores open(Clock clock, Retention retention) {
        AwsSettings standInsConfig = TestResources.fresh(standIns);
        AwsSettings config = new AwsSettings(
                standInsConfig.region(),
                standInsConfig.bucket(),
                standInsConfig.tables(),
                Optional.of(s3Mock.endpoint()),
                standInsConfig.dynamoDbEndpoint(),
                true);
        return AwsStore.open(config, Duration.ofMinutes(15), retention, Clock.systemUTC(), List.of());
    }
}
