package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.list;
import static dev.fileshare.infra.Synthesis.properties;
import static dev.fileshare.infra.Synthesis.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege proved from the other side: the task role may do in S3 and DynamoDB exactly what
 * the adapter's code calls ({@link AwsSdkCalls}, read from src/main/java/dev/fileshare/store/aws),
 * on exactly the resources it touches; the gateway endpoints let only that through; every role
 * trusts its service only for this account.
 */
class LeastPrivilegeTest {

    private static Synthesis synthesis;
    /** (action, resource as the template writes it) pairs the adapter needs. */
    private static Set<Grant> needed;

    private record Grant(String action, Object resource) {}

    @BeforeAll
    static void inventory() {
        synthesis = Synthesis.of(Map.of());
        Set<AwsSdkCalls.Permission> permissions =
                AwsSdkCalls.of(RepositoryFiles.ROOT.resolve("src/main/java/dev/fileshare/store/aws"));
        needed = new HashSet<>();
        permissions.forEach(p -> needed.add(new Grant(p.action(), resourceOf(p))));
    }

    @Test
    void theInventoryFindsTheAdaptersCalls() {
        // Guards the scanner itself: these calls are in the adapter today.
        assertThat(needed)
                .contains(new Grant("s3:PutObject", objects()))
                // A download URL names the object version it was issued for.
                .contains(new Grant("s3:GetObjectVersion", objects()))
                .contains(new Grant("s3:ListBucket", bucket()))
                // Older versions and the trash are the bucket's own versions and delete markers.
                .contains(new Grant("s3:ListBucketVersions", bucket()))
                .contains(new Grant("s3:GetBucketVersioning", bucket()))
                .contains(new Grant("s3:DeleteObjectVersion", objects()))
                .contains(new Grant("dynamodb:UpdateItem", tableArn("loginAttempts")))
                .contains(new Grant(
                        "dynamodb:Query",
                        indexArn("shares", StoreTables.SHARES.invertedIndex().orElseThrow())))
                // A link's access log goes with it in batches; a user's links are listed from the sparse index.
                .contains(new Grant("dynamodb:BatchWriteItem", tableArn("links")))
                .contains(new Grant(
                        "dynamodb:Query",
                        indexArn(
                                "links",
                                StoreTables.LINKS.sparseIndex().orElseThrow().name())));
    }

    @Test
    void theTaskRoleMayDoInS3AndDynamoDbExactlyWhatTheAdapterCallsOnExactlyItsResources() {
        assertThat(dataGrants(synthesis.policyStatementsOf(
                        synthesis.stack().serviceCluster().taskRole())))
                .isEqualTo(needed);
    }

    @Test
    void besidesItsDataTheTaskRoleOnlyLetsTheCollectorSendTracesAndMetrics() {
        String metricsLogGroup = synthesis.logicalId(
                synthesis.stack().serviceCluster().telemetry().metricsLogGroup());
        Set<Grant> other = new HashSet<>();
        for (Map<?, ?> statement :
                synthesis.policyStatementsOf(synthesis.stack().serviceCluster().taskRole())) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            for (String action : strings(statement.get("Action"))) {
                if (!action.startsWith("s3:") && !action.startsWith("dynamodb:")) {
                    list(statement.get("Resource")).forEach(r -> other.add(new Grant(action, r)));
                }
            }
        }
        Object logGroupArn = Map.of("Fn::GetAtt", List.of(metricsLogGroup, "Arn"));
        assertThat(other)
                .containsExactlyInAnyOrder(
                        new Grant("xray:PutTraceSegments", "*"),
                        new Grant("xray:PutTelemetryRecords", "*"),
                        new Grant("logs:CreateLogStream", logGroupArn),
                        new Grant("logs:PutLogEvents", logGroupArn));
    }

    @Test
    void noOtherRoleTouchesTheData() {
        synthesis.resources("AWS::IAM::Policy").values().stream()
                .map(Synthesis::properties)
                .filter(p -> !list(p.get("Roles"))
                        .contains(Map.of(
                                "Ref",
                                synthesis.logicalId(
                                        synthesis.stack().serviceCluster().taskRole()))))
                .forEach(p -> assertThat(actionsOf(p.get("PolicyDocument")))
                        .noneMatch(a -> a.startsWith("s3:") || a.startsWith("dynamodb:")));
    }

    @Test
    void theS3GatewayEndpointLetsThroughOnlyThisStacksBucketAndEcrsImageLayers() {
        Set<Grant> passes = endpointGrants(".s3");
        Set<Grant> expected = new HashSet<>();
        needed.stream().filter(g -> g.action().startsWith("s3:")).forEach(expected::add);
        expected.add(new Grant(
                "s3:GetObject",
                Map.of(
                        "Fn::Join",
                        List.of(
                                "",
                                List.of(
                                        "arn:",
                                        Map.of("Ref", "AWS::Partition"),
                                        ":s3:::prod-",
                                        Map.of("Ref", "AWS::Region"),
                                        "-starport-layer-bucket/*")))));
        assertThat(passes).isEqualTo(expected);
    }

    @Test
    void theDynamoDbGatewayEndpointLetsThroughOnlyThisStacksTables() {
        Set<Grant> expected = new HashSet<>();
        needed.stream().filter(g -> g.action().startsWith("dynamodb:")).forEach(expected::add);
        assertThat(endpointGrants(".dynamodb")).isEqualTo(expected);
    }

    @Test
    void everyRoleTrustsItsServiceOnlyForThisAccountAndRegion() {
        Map<String, Map<String, Object>> roles = synthesis.resources("AWS::IAM::Role");
        assertThat(roles).hasSize(3);
        Object account = Map.of("Ref", "AWS::AccountId");
        roles.forEach((id, role) -> {
            Map<?, ?> trust = (Map<?, ?>) properties(role).get("AssumeRolePolicyDocument");
            assertThat(list(trust.get("Statement"))).isNotEmpty().allSatisfy(s -> {
                Map<?, ?> statement = (Map<?, ?>) s;
                assertThat(List.copyOf(((Map<?, ?>) statement.get("Principal")).keySet()))
                        .as("%s trusts services only", id)
                        .isEqualTo(List.of("Service"));
                Map<?, ?> condition = (Map<?, ?>) statement.get("Condition");
                assertThat(condition).as("%s's trust conditions", id).isNotNull();
                assertThat(condition.get("StringEquals")).isEqualTo(Map.of("aws:SourceAccount", account));
                Object sourceArn = ((Map<?, ?>) condition.get("ArnLike")).get("aws:SourceArn");
                assertThat(String.valueOf(sourceArn))
                        .contains("{Ref=AWS::Region}")
                        .contains("{Ref=AWS::AccountId}");
            });
        });
    }

    @Test
    void noActionIsAWildcard() {
        List<String> actions = new ArrayList<>();
        synthesis
                .resources("AWS::IAM::Policy")
                .values()
                .forEach(p -> actions.addAll(actionsOf(properties(p).get("PolicyDocument"))));
        assertThat(actions).isNotEmpty().allSatisfy(action -> assertThat(action).doesNotContain("*"));
    }

    // --- helpers

    private static Set<Grant> dataGrants(final List<Map<?, ?>> statements) {
        Set<Grant> grants = new HashSet<>();
        for (Map<?, ?> statement : statements) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(statement.containsKey("NotAction") || statement.containsKey("NotResource"))
                    .isFalse();
            for (String action : strings(statement.get("Action"))) {
                if (action.startsWith("s3:") || action.startsWith("dynamodb:")) {
                    list(statement.get("Resource")).forEach(r -> grants.add(new Grant(action, r)));
                }
            }
        }
        return grants;
    }

    private static Set<Grant> endpointGrants(final String serviceSuffix) {
        Map<String, Object> endpoint = synthesis.resources("AWS::EC2::VPCEndpoint").values().stream()
                .map(Synthesis::properties)
                .filter(p -> "Gateway".equals(p.get("VpcEndpointType")))
                .filter(p -> String.valueOf(p.get("ServiceName")).endsWith(serviceSuffix + "]]}"))
                .findFirst()
                .orElseThrow();
        Map<?, ?> document = (Map<?, ?>) endpoint.get("PolicyDocument");
        assertThat(document).as("the %s endpoint has a policy", serviceSuffix).isNotNull();
        for (Object s : list(document.get("Statement"))) {
            assertThat(((Map<?, ?>) s).get("Effect")).isEqualTo("Allow");
        }
        List<Map<?, ?>> statements = new ArrayList<>();
        list(document.get("Statement")).forEach(s -> statements.add((Map<?, ?>) s));
        return dataGrants(statements);
    }

    private static List<String> actionsOf(final Object document) {
        return list(((Map<?, ?>) document).get("Statement")).stream()
                .flatMap(s -> strings(((Map<?, ?>) s).get("Action")).stream())
                .toList();
    }

    private static Object resourceOf(final AwsSdkCalls.Permission permission) {
        return switch (permission.scope()) {
            case BUCKET -> bucket();
            case OBJECTS -> objects();
            case TABLE -> tableArn(permission.table());
            case INDEX -> indexArn(permission.table(), permission.index());
        };
    }

    /** The bucket the task is configured with (FILESHARE_AWS_BUCKET) as the policy names it. */
    private static Object bucket() {
        return Map.of("Fn::GetAtt", List.of(referenced("FILESHARE_AWS_BUCKET"), "Arn"));
    }

    private static Object objects() {
        return Map.of("Fn::Join", List.of("", List.of(bucket(), "/*")));
    }

    /** The table the task is configured with for an AwsSettings.Tables accessor (loginAttempts: FILESHARE_AWS_TABLE_LOGIN_ATTEMPTS). */
    private static Object tableArn(final String accessor) {
        String variable = "FILESHARE_AWS_TABLE_"
                + Pattern.compile("([a-z])([A-Z])")
                        .matcher(accessor)
                        .replaceAll("$1_$2")
                        .toUpperCase(Locale.ROOT);
        return Map.of("Fn::GetAtt", List.of(referenced(variable), "Arn"));
    }

    private static Object indexArn(final String accessor, final String index) {
        return Map.of("Fn::Join", List.of("", List.of(tableArn(accessor), "/index/" + index)));
    }

    /** The logical id of the resource a task variable names ({"Ref": id}). */
    private static String referenced(final String variable) {
        Object value = synthesis.environment("fileshare").get(variable);
        assertThat(value).as("task variable %s", variable).isInstanceOf(Map.class);
        return (String) ((Map<?, ?>) value).get("Ref");
    }
}
