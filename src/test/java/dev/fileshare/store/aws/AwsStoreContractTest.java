package dev.fileshare.store.aws;

import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.StoresContract;
import dev.fileshare.tools.AwsStandIns;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/** The port contracts, run against the aws adapters on dynalite and S3Proxy, with a new bucket and tables each test. */
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

    /** S3Proxy has no bucket versioning, and the aws adapters keep no versions of their own yet. */
    @Override
    protected boolean keepsVersions() {
        return false;
    }

    /** ListObjectsV2 answers no checksums. */
    @Override
    protected boolean listsDigests() {
        return false;
    }

    /** A multipart object's SHA-256 in S3 is a checksum of its parts' checksums, not the content's. */
    @Override
    protected boolean knowsDigestsOfLargeWrites() {
        return false;
    }
}
