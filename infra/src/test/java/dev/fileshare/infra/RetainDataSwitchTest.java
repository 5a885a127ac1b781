package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/** {@code -c retainData=false}: the data goes with the stack, and the stack stays cdk-nag clean. */
class RetainDataSwitchTest {

    private static Synthesis synthesis;

    @BeforeAll
    static void synthesise() {
        // As the CLI passes it: a string.
        synthesis = Synthesis.of(Map.of("retainData", "false"));
    }

    @Test
    void bucketsTablesAndLogsAreDeletedWithTheStack() {
        for (String type : List.of("AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Logs::LogGroup")) {
            assertThat(synthesis.resources(type)).isNotEmpty().allSatisfy((id, resource) -> {
                assertThat(resource).as(id).containsEntry("DeletionPolicy", "Delete");
            });
        }
        synthesis
                .resources("AWS::DynamoDB::Table")
                .values()
                .forEach(table -> assertThat(FileshareStackTest.properties(table))
                        .containsEntry("DeletionProtectionEnabled", false));
    }

    @Test
    void bucketsAreEmptiedBeforeDeletion() {
        synthesis.template().resourceCountIs("Custom::S3AutoDeleteObjects", 2);
    }

    @Test
    void cdkNagAwsSolutionsFindsNothingUnsuppressed() {
        assertThat(synthesis.unsuppressedNagFindings()).isEmpty();
    }

    @Test
    void aMistypedSwitchIsAnErrorNotASilentDefault() {
        App app = FileshareApp.newApp(Map.of("retainData", "no"));
        assertThatThrownBy(() -> FileshareApp.addStack(app, RepositoryFiles.ROOT))
                .hasMessageContaining("retainData");
    }
}
