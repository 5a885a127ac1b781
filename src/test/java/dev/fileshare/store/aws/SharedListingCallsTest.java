package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.tools.AwsStandIns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A user's listing costs the same S3 and DynamoDB calls however many files are shared with them: counted with an
 * SDK interceptor on the clients of a store on the stand-ins.
 */
@ExtendWith(AwsStandInsExtension.class)
class SharedListingCallsTest {
    private static final Username READER = new Username("reader");

    private final CallLog calls = new CallLog();
    private Stores aws;
    private FileService files;

    @BeforeEach
    void open(AwsStandIns standIns) {
        aws = AwsStore.open(TestResources.fresh(standIns), Duration.ofMinutes(15), List.of(calls));
        files = new FileService(aws.blobs(), aws.shares(), aws.links(), aws.users());
        aws.users().createIfAbsent(new UserAccount(READER, "$unused", Instant.EPOCH));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void fiftySharesCostTheCallsOfOne() throws IOException {
        upload(READER, "own.txt");
        shareFrom("owner-0", 1);
        List<String> forOne = callsOfListing(2);

        for (int i = 1; i < 50; i++) {
            shareFrom("owner-" + i, 1);
        }
        List<String> forFifty = callsOfListing(51);

        assertThat(forFifty).as("calls for 50 shares vs 1").isEqualTo(forOne);
        assertThat(forOne).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void fiftySharedFilesOfOneOwnerCostTheCallsOfOne() throws IOException {
        shareFrom("owner", 1);
        List<String> forOne = callsOfListing(1);

        shareFrom("other", 49);
        List<String> forFifty = callsOfListing(50);

        assertThat(forFifty).isEqualTo(forOne);
    }

    private List<String> callsOfListing(int expectedEntries) {
        calls.clear();
        List<FileVersion> listed = files.list(READER);
        assertThat(listed).hasSize(expectedEntries);
        return List.copyOf(calls);
    }

    private void shareFrom(String ownerName, int count) throws IOException {
        Username owner = new Username(ownerName);
        aws.users().createIfAbsent(new UserAccount(owner, "$unused", Instant.EPOCH));
        for (int i = 0; i < count; i++) {
            String name = "file-" + i + ".txt";
            upload(owner, name);
            files.share(owner, new FileName(name), READER);
        }
    }

    private void upload(Username owner, String name) throws IOException {
        byte[] content = (owner + "/" + name).getBytes(StandardCharsets.UTF_8);
        files.upload(
                owner, new FileName(name), new ByteArrayInputStream(content), content.length, WriteCondition.ALWAYS);
    }

    /** The operation names of the SDK calls made, one per call whatever its retries. */
    private static final class CallLog extends CopyOnWriteArrayList<String> implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
