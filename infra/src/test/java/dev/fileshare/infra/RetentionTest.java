package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What stays when the stack goes, and what a failed first deploy leaves behind: by default the data
 * (buckets, tables) and the logs survive a stack update or delete, but are RetainExceptOnCreate, so a
 * rollback of the deploy that created them removes them and the next attempt starts clean. With
 * {@code -c retainData=false} they go with the stack.
 */
class RetentionTest {

    private static final List<String> RETAINED_TYPES =
            List.of("AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Logs::LogGroup");

    @Test
    void dataAndLogsOutliveTheStackButNotAFailedFirstDeploy() {
        Synthesis synthesis = Synthesis.of(Map.of());
        for (String type : RETAINED_TYPES) {
            assertThat(synthesis.resources(type)).isNotEmpty().allSatisfy((id, resource) -> {
                assertThat(resource).as(id).containsEntry("DeletionPolicy", "RetainExceptOnCreate");
                assertThat(resource).as(id).containsEntry("UpdateReplacePolicy", "Retain");
            });
        }
        assertThat(synthesis.resources("AWS::DynamoDB::Table")).hasSize(6);
        assertThat(synthesis.resources("AWS::S3::Bucket")).hasSize(2);
        assertThat(synthesis.resources("AWS::Logs::LogGroup")).hasSize(4);
    }

    @Test
    void noTableIsProtectedAgainstTheRollbackOfItsOwnCreation() {
        // Deletion protection would make the rollback's DeleteTable fail and leave the stack ROLLBACK_FAILED.
        Synthesis.of(Map.of())
                .resources("AWS::DynamoDB::Table")
                .values()
                .forEach(table -> assertThat(properties(table).getOrDefault("DeletionProtectionEnabled", false))
                        .isEqualTo(false));
    }

    @Test
    void withRetainDataFalseBucketsTablesAndLogsAreDeletedWithTheStack() {
        // As the CLI passes it: a string.
        Synthesis synthesis = Synthesis.of(Map.of("retainData", "false"));
        for (String type : RETAINED_TYPES) {
            assertThat(synthesis.resources(type)).isNotEmpty().allSatisfy((id, resource) -> {
                assertThat(resource).as(id).containsEntry("DeletionPolicy", "Delete");
            });
        }
        // Emptied before deletion.
        synthesis.template().resourceCountIs("Custom::S3AutoDeleteObjects", 2);
        assertThat(synthesis.unsuppressedNagFindings()).isEmpty();
    }
}
