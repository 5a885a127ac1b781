package dev.fileshare.store.aws;

import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.StoresContract;
import dev.fileshare.tools.AwsStandIns;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The port contracts, run against the aws adapters on dynalite and S3Proxy (whose versioning keeps versions and delete
 * markers as S3 does), with a new bucket and tables each test.
 */
@ExtendWith(AwsStandInsExtension.class)
class AwsStoreContractTest extends StoresContract {
    private final AwsStandIns standIns;

    AwsStoreContractTest(AwsStandIns standIns) {
        this.standIns = standIns;
    }

    @Override
    protected Stores open() {
        return AwsStore.open(TestResources.fresh(standIns), Duration.ofMinutes(15));
    }

    /** The bucket is versioned (as the stack's is), and S3Proxy keeps versions and delete markers. */
    @Override
    protected boolean keepsVersions() {
        return true;
    }

    /** S3 stamps versions with its own clock; the age rules are tested in {@code S3VersionHistoryTest}. */
    @Override
    protected boolean timesFollowTheClock() {
        return false;
    }

    /** ListObjectsV2 answers no checksums. */
    @Override
    protected boolean listsDigests() {
        return false;
    }

    @Override
    protected Stores open(Clock clock, Retention retention) {
        return AwsStore.open(
                TestResources.fresh(standIns), Duration.ofMinutes(15), retention, Clock.systemUTC(), List.of());
    }
}
