package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.list;
import static dev.fileshare.infra.Synthesis.properties;
import static dev.fileshare.infra.Synthesis.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The default stack (data retained): every resource with its security settings, and cdk-nag clean. */
class FileshareStackTest {

    private static Synthesis synthesis;
    private static Template template;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Map.of());
        template = synthesis.template();
    }

    // --- network

    @Test
    void vpcHasTwoPrivateSubnetsAndNoRouteToTheInternet() {
        template.resourceCountIs("AWS::EC2::VPC", 1);
        template.resourceCountIs("AWS::EC2::Subnet", 2);
        template.allResourcesProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false));
        template.resourceCountIs("AWS::EC2::InternetGateway", 0);
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
    }

    @Test
    void awsTrafficGoesThroughVpcEndpoints() {
        List<String> gateway = endpointServices("Gateway");
        List<String> iface = endpointServices("Interface");
        assertThat(gateway).hasSize(2).anyMatch(s -> s.endsWith(".s3")).anyMatch(s -> s.endsWith(".dynamodb"));
        assertThat(iface)
                .hasSize(6)
                .anyMatch(s -> s.endsWith(".ecr.api"))
                .anyMatch(s -> s.endsWith(".ecr.dkr"))
                .anyMatch(s -> s.endsWith(".logs"))
                .anyMatch(s -> s.endsWith(".secretsmanager"))
                .anyMatch(s -> s.endsWith(".xray"))
                .anyMatch(s -> s.endsWith(".monitoring"));
        synthesis.resources("AWS::EC2::VPCEndpoint").values().stream()
                .map(Synthesis::properties)
                .filter(p -> "Interface".equals(p.get("VpcEndpointType")))
                .forEach(p -> assertThat(p.get("PrivateDnsEnabled")).isEqualTo(true));
    }

    @Test
    void rejectedFlowsAreLogged() {
        template.hasResourceProperties(
                "AWS::EC2::FlowLog",
                Map.of(
                        "ResourceType", "VPC",
                        "TrafficType", "REJECT",
                        "LogDestinationType", "cloud-watch-logs"));
    }

    @Test
    void noSecurityGroupIsOpenToTheWorld() {
        List<Object> ingress = new ArrayList<>();
        synthesis.resources("AWS::EC2::SecurityGroup").values().forEach(r -> {
            Object rules = properties(r).get("SecurityGroupIngress");
            if (rules instanceof Collection<?> rulesList) {
                ingress.addAll(rulesList);
            }
        });
        synthesis.resources("AWS::EC2::SecurityGroupIngress").values().forEach(r -> ingress.add(properties(r)));
        assertThat(ingress)
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(String.valueOf(rule))
                        .doesNotContain("0.0.0.0/0")
                        .doesNotContain("::/0"));
    }

    // --- service

    @Test
    void clusterHasContainerInsights() {
        template.hasResourceProperties(
                "AWS::ECS::Cluster",
                Map.of("ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
    }

    @Test
    void taskIsAModestFargateTaskOnPort9080WithTheCollectorBesideIt() {
        template.hasResourceProperties(
                "AWS::ECS::TaskDefinition",
                Match.objectLike(Map.of(
                        "Cpu", "1024",
                        "Memory", "2048",
                        "NetworkMode", "awsvpc",
                        "RequiresCompatibilities", List.of("FARGATE"),
                        "RuntimePlatform", Map.of("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"))));
        Map<String, Map<String, Object>> containers = synthesis.containers();
        assertThat(containers).containsOnlyKeys("fileshare", TelemetryCollector.CONTAINER_NAME);
        Map<String, Object> service = containers.get("fileshare");
        assertThat(service.get("Essential")).isEqualTo(true);
        assertThat(service.get("PortMappings")).isEqualTo(List.of(Map.of("ContainerPort", 9080, "Protocol", "tcp")));
        assertThat(((Map<?, ?>) service.get("LogConfiguration")).get("LogDriver"))
                .isEqualTo("awslogs");
        // The containers' hard limits add up to the task's memory: the JVM sizes its heap from its own.
        int memory = containers.values().stream()
                .mapToInt(c -> (Integer) c.get("Memory"))
                .sum();
        assertThat(memory).isEqualTo(2048);
    }

    @Test
    void containerIsConfiguredForTheAwsStoreWithTheSigningKeyFromSecretsManager() {
        Map<String, Object> environment = synthesis.environment("fileshare");
        assertThat(environment)
                .containsEntry("FILESHARE_STORE", "aws")
                .containsEntry("FILESHARE_AWS_REGION", Map.of("Ref", "AWS::Region"))
                .containsKeys(
                        "FILESHARE_AWS_BUCKET",
                        "FILESHARE_AWS_TABLE_USERS",
                        "FILESHARE_AWS_TABLE_SESSIONS",
                        "FILESHARE_AWS_TABLE_SHARES",
                        "FILESHARE_AWS_TABLE_LOGIN_ATTEMPTS",
                        "FILESHARE_AWS_TABLE_LINKS",
                        "FILESHARE_AWS_TABLE_UPLOADS",
                        "FILESHARE_HTTP_TRUSTED_PROXIES",
                        "FILESHARE_PUBLIC_URL")
                // Resources come from the stack, never created by the service.
                .doesNotContainKey("FILESHARE_AWS_CREATE_RESOURCES");

        String secret = synthesis
                .resources("AWS::SecretsManager::Secret")
                .keySet()
                .iterator()
                .next();
        assertThat(synthesis.containers().get("fileshare").get("Secrets"))
                .isEqualTo(
                        List.of(Map.of("Name", "FILESHARE_TRANSFER_SIGNING_KEY", "ValueFrom", Map.of("Ref", secret))));
    }

    @Test
    void theTaskDefinitionRendersTheSameWhateverTheOrderConfigurationArrivesIn() {
        List<String> names = new ArrayList<>(synthesis.environment("fileshare").keySet());
        assertThat(names).isSorted();
    }

    @Test
    void signingKeyIsGeneratedAsBase64OfAtLeast32Bytes() {
        Map<String, Object> secret = properties(synthesis.only("AWS::SecretsManager::Secret"));
        Map<?, ?> generator = (Map<?, ?>) secret.get("GenerateSecretString");
        // Letters and digits only, in whole groups of four: standard Base64 without padding.
        assertThat(generator.get("ExcludePunctuation")).isEqualTo(true);
        assertThat(generator.get("IncludeSpace")).isEqualTo(false);
        int length = (Integer) generator.get("PasswordLength");
        assertThat(length % 4).isZero();
        assertThat(length / 4 * 3).isGreaterThanOrEqualTo(32);
    }

    @Test
    void theSecretVariableIsAConfigurationKeyOfTheService() {
        List<String> names = new ArrayList<>();
        list(synthesis.containers().get("fileshare").get("Secrets"))
                .forEach(v -> names.add((String) ((Map<?, ?>) v).get("Name")));
        assertThat(RepositoryFiles.configEnvironmentNames())
                .as("environment names of the service's configuration keys")
                .containsAll(names);
    }

    @Test
    void everyFileshareVariableOfTheTaskIsAConfigurationKeyOfTheService() {
        Set<String> names = new TreeSet<>(synthesis.environment("fileshare").keySet());
        names.removeIf(name -> !name.startsWith("FILESHARE_"));
        assertThat(names).isNotEmpty();
        assertThat(RepositoryFiles.configEnvironmentNames())
                .as("environment names of the service's configuration keys")
                .containsAll(names);
    }

    @Test
    void logsAreKeptForALimitedTime() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
        synthesis
                .resources("AWS::Logs::LogGroup")
                .values()
                .forEach(group -> assertThat(properties(group)).containsKey("RetentionInDays"));
    }

    @Test
    void serviceRunsPrivateTasksRollsBackFailedDeploymentsAndLeavesTheCountToTheScaling() {
        template.hasResourceProperties(
                "AWS::ECS::Service",
                Match.objectLike(Map.of(
                        "LaunchType",
                        "FARGATE",
                        // A desired count would reset the scaled-out count on every deploy.
                        "DesiredCount",
                        Match.absent(),
                        "DeploymentConfiguration",
                        Match.objectLike(Map.of(
                                "DeploymentCircuitBreaker",
                                Map.of("Enable", true, "Rollback", true),
                                "MinimumHealthyPercent",
                                100)),
                        "NetworkConfiguration",
                        Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED"))))));
    }

    @Test
    void serviceScalesOnCpuAndOnRequestsPerTargetFromTwoTasks() {
        template.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalableTarget",
                Match.objectLike(Map.of(
                        "MinCapacity", 2,
                        "MaxCapacity", 6,
                        "ScalableDimension", "ecs:service:DesiredCount")));
        Set<String> metrics = new HashSet<>();
        synthesis
                .resources("AWS::ApplicationAutoScaling::ScalingPolicy")
                .values()
                .forEach(policy -> {
                    Map<?, ?> tracking = (Map<?, ?>) properties(policy).get("TargetTrackingScalingPolicyConfiguration");
                    metrics.add((String)
                            ((Map<?, ?>) tracking.get("PredefinedMetricSpecification")).get("PredefinedMetricType"));
                });
        assertThat(metrics).containsExactlyInAnyOrder("ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget");
    }

    @Test
    void taskRoleAndExecutionRoleAreSeparate() {
        Map<String, Object> task = properties(synthesis.only("AWS::ECS::TaskDefinition"));
        assertThat(task.get("TaskRoleArn")).isNotNull().isNotEqualTo(task.get("ExecutionRoleArn"));
        assertThat(task.get("TaskRoleArn"))
                .isEqualTo(Map.of(
                        "Fn::GetAtt",
                        List.of(
                                synthesis.logicalId(
                                        synthesis.stack().serviceCluster().taskRole()),
                                "Arn")));
    }

    @Test
    void executionRoleHasNoDataAccess() {
        List<String> actions = new ArrayList<>();
        synthesis
                .policyStatementsOf(synthesis.stack().serviceCluster().executionRole())
                .forEach(s -> actions.addAll(strings(s.get("Action"))));
        assertThat(actions)
                .isNotEmpty()
                .noneMatch(a -> a.startsWith("s3:") || a.startsWith("dynamodb:"))
                .contains("secretsmanager:GetSecretValue", "logs:PutLogEvents", "ecr:BatchGetImage");
    }

    // --- load balancer

    @Test
    void loadBalancerIsInternalAndDropsInvalidHeaders() {
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer",
                Match.objectLike(Map.of(
                        "Scheme", "internal",
                        "Type", "application",
                        "LoadBalancerAttributes",
                                Match.arrayWith(List.of(Map.of(
                                        "Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true"))))));
    }

    @Test
    void loadBalancerAcceptsTrafficOnlyFromTheVpcLink() {
        String linkGroup = vpcLinkSecurityGroup();
        Map<String, Map<String, Object>> ingress = synthesis.resources("AWS::EC2::SecurityGroupIngress");
        String albGroup = synthesis.logicalId(synthesis
                .stack()
                .serviceCluster()
                .loadBalancer()
                .getConnections()
                .getSecurityGroups()
                .get(0));
        List<Map<String, Object>> intoAlb = ingress.values().stream()
                .map(Synthesis::properties)
                .filter(p -> p.get("GroupId").equals(Map.of("Fn::GetAtt", List.of(albGroup, "GroupId"))))
                .toList();
        assertThat(intoAlb).hasSize(1);
        assertThat(intoAlb.get(0))
                .containsEntry("FromPort", 80)
                .containsEntry("ToPort", 80)
                .containsEntry("SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(linkGroup, "GroupId")));
    }

    // --- API

    @Test
    void httpApiReachesTheListenerOverAVpcLink() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("ProtocolType", "HTTP")));
        template.resourceCountIs("AWS::ApiGatewayV2::VpcLink", 1);
        String link = synthesis
                .resources("AWS::ApiGatewayV2::VpcLink")
                .keySet()
                .iterator()
                .next();
        String listener = synthesis.logicalId(synthesis.stack().serviceCluster().listener());
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Integration",
                Match.objectLike(Map.of(
                        "IntegrationType",
                        "HTTP_PROXY",
                        "ConnectionType",
                        "VPC_LINK",
                        "ConnectionId",
                        Map.of("Ref", link),
                        "IntegrationUri",
                        Map.of("Ref", listener))));
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Route",
                Map.of(
                        "ApiId",
                        Match.anyValue(),
                        "RouteKey",
                        "$default",
                        "Target",
                        Match.anyValue(),
                        "AuthorizationType",
                        "NONE"));
    }

    @Test
    void defaultStageThrottlesAndWritesAnAccessLog() {
        String accessLogs = synthesis.logicalId(synthesis.stack().front().accessLogs());
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Stage",
                Match.objectLike(Map.of(
                        "StageName",
                        "$default",
                        "AutoDeploy",
                        true,
                        "DefaultRouteSettings",
                        Map.of("ThrottlingRateLimit", 500, "ThrottlingBurstLimit", 1000),
                        "AccessLogSettings",
                        Map.of(
                                "DestinationArn", Map.of("Fn::GetAtt", List.of(accessLogs, "Arn")),
                                "Format", Match.stringLikeRegexp(".*\\$context\\.requestId.*\\$context\\.status.*")))));
    }

    @Test
    void outputsTheApiUrlTheSwaggerUiUrlAndTheAlarmTopic() {
        template.hasOutput("ApiUrl", Match.objectLike(Map.of("Value", Match.anyValue())));
        template.hasOutput("AlarmTopicArn", Match.objectLike(Map.of("Value", Match.anyValue())));
        Map<String, Object> ui = output("OpenApiUiUrl");
        assertThat(String.valueOf(ui.get("Value"))).contains("execute-api").endsWith("/openapi/ui]]}");
    }

    // --- data

    @Test
    void fileBucketIsPrivateEncryptedVersionedAndCleansUp() {
        String bucket = synthesis.logicalId(synthesis.stack().dataStores().bucket());
        Map<String, Object> files = synthesis.resources("AWS::S3::Bucket").get(bucket);
        Template.fromJSON(Map.of("Resources", Map.of(bucket, files)))
                .hasResourceProperties(
                        "AWS::S3::Bucket",
                        Match.objectLike(Map.of(
                                "BucketEncryption",
                                        Map.of(
                                                "ServerSideEncryptionConfiguration",
                                                List.of(Map.of(
                                                        "ServerSideEncryptionByDefault",
                                                        Map.of("SSEAlgorithm", "AES256")))),
                                "PublicAccessBlockConfiguration",
                                        Map.of(
                                                "BlockPublicAcls",
                                                true,
                                                "BlockPublicPolicy",
                                                true,
                                                "IgnorePublicAcls",
                                                true,
                                                "RestrictPublicBuckets",
                                                true),
                                "VersioningConfiguration", Map.of("Status", "Enabled"),
                                "OwnershipControls",
                                        Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                                "LoggingConfiguration",
                                        Match.objectLike(Map.of("DestinationBucketName", Match.anyValue())),
                                "LifecycleConfiguration",
                                        Map.of(
                                                "Rules",
                                                Match.arrayWith(List.of(
                                                        Match.objectLike(Map.of(
                                                                "NoncurrentVersionExpiration",
                                                                Map.of("NoncurrentDays", 30),
                                                                "Status",
                                                                "Enabled")),
                                                        // As the service's versions.keep: 10 besides the current.
                                                        Match.objectLike(Map.of(
                                                                "NoncurrentVersionExpiration",
                                                                Map.of(
                                                                        "NoncurrentDays",
                                                                        1,
                                                                        "NewerNoncurrentVersions",
                                                                        10),
                                                                "Status",
                                                                "Enabled")),
                                                        Match.objectLike(Map.of(
                                                                "AbortIncompleteMultipartUpload",
                                                                Map.of("DaysAfterInitiation", 2),
                                                                "Status",
                                                                "Enabled")),
                                                        // what a crash leaves of a resumable upload's bytes
                                                        Match.objectLike(Map.of(
                                                                "Prefix",
                                                                ".uploads/",
                                                                "ExpirationInDays",
                                                                3,
                                                                "NoncurrentVersionExpiration",
                                                                Map.of("NoncurrentDays", 1),
                                                                "Status",
                                                                "Enabled"))))))));
    }

    @Test
    void everyBucketRefusesPlainHttp() {
        Set<Object> enforced = new HashSet<>();
        synthesis.resources("AWS::S3::BucketPolicy").values().forEach(policy -> {
            Map<?, ?> document = (Map<?, ?>) properties(policy).get("PolicyDocument");
            for (Object s : list(document.get("Statement"))) {
                Map<?, ?> statement = (Map<?, ?>) s;
                if ("Deny".equals(statement.get("Effect"))
                        && String.valueOf(statement.get("Condition")).equals("{Bool={aws:SecureTransport=false}}")) {
                    enforced.add(properties(policy).get("Bucket"));
                }
            }
        });
        assertThat(enforced)
                .hasSize(synthesis.resources("AWS::S3::Bucket").size())
                .hasSize(2);
    }

    @Test
    void tablesAreOnDemandRecoverableAndEncrypted() {
        Map<String, Map<String, Object>> tables = synthesis.resources("AWS::DynamoDB::Table");
        assertThat(tables).hasSize(6);
        tables.values()
                .forEach(table -> assertThat(properties(table))
                        .containsEntry("BillingMode", "PAY_PER_REQUEST")
                        .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                        // SSEEnabled without a key: the AWS managed key aws/dynamodb.
                        .containsEntry("SSESpecification", Map.of("SSEEnabled", true)));
    }

    @Test
    void tablesHaveTheKeysOfTheAwsStore() {
        for (StoreTables.Keys keys : List.of(
                StoreTables.USERS,
                StoreTables.SESSIONS,
                StoreTables.SHARES,
                StoreTables.LOGIN_ATTEMPTS,
                StoreTables.LINKS,
                StoreTables.UPLOADS)) {
            List<Object> keySchema = new ArrayList<>(List.of(hash(keys.partitionKey())));
            keys.sortKey().ifPresent(sortKey -> keySchema.add(range(sortKey)));
            template.hasResourceProperties(
                    "AWS::DynamoDB::Table",
                    Match.objectLike(Map.of(
                            "KeySchema",
                            keySchema,
                            "TimeToLiveSpecification",
                            keys.timeToLive()
                                    .<Object>map(ttl -> Map.of("AttributeName", ttl, "Enabled", true))
                                    .orElse(Match.absent()),
                            "GlobalSecondaryIndexes",
                            keys.invertedIndex()
                                    .<Object>map(index -> List.of(Map.of(
                                            "IndexName", index,
                                            "KeySchema",
                                                    List.of(
                                                            hash(keys.sortKey().orElseThrow()),
                                                            range(keys.partitionKey())),
                                            "Projection", Map.of("ProjectionType", "ALL"))))
                                    .or(() -> keys.sparseIndex()
                                            .map(index -> List.of(Map.of(
                                                    "IndexName", index.name(),
                                                    "KeySchema",
                                                            List.of(hash(index.partitionKey()), range(index.sortKey())),
                                                    "Projection", Map.of("ProjectionType", "ALL")))))
                                    .orElse(Match.absent()))));
        }
        template.resourceCountIs("AWS::DynamoDB::Table", 6);
        synthesis.resources("AWS::DynamoDB::Table").values().forEach(table -> {
            for (Object attribute : list(properties(table).get("AttributeDefinitions"))) {
                assertThat(((Map<?, ?>) attribute).get("AttributeType")).isEqualTo("S");
            }
        });
    }

    // --- the template as a whole

    @Test
    void noResourceDependsOnItselfThroughOthers() {
        // The service names the alarms that watch it, the task names the API in front of it: no cycle.
        Map<?, ?> resources = (Map<?, ?>) template.toJSON().get("Resources");
        Map<String, Set<String>> edges = new java.util.HashMap<>();
        resources.forEach((id, resource) -> {
            Set<String> to = new HashSet<>();
            collectReferences(resource, resources.keySet(), to);
            edges.put((String) id, to);
        });
        for (String start : edges.keySet()) {
            assertThat(reachable(start, edges))
                    .as("resources %s depends on", start)
                    .doesNotContain(start);
        }
    }

    // --- cdk-nag

    @Test
    void cdkNagAwsSolutionsFindsNothingUnsuppressed() {
        assertThat(synthesis.unsuppressedNagFindings()).isEmpty();
    }

    @Test
    void onlyTheReviewedSuppressionsExist() {
        Set<String> suppressed = new TreeSet<>();
        ((Map<?, ?>) template.toJSON().get("Resources")).values().forEach(r -> {
            Object metadata = ((Map<?, ?>) r).get("Metadata");
            if (metadata instanceof Map<?, ?> m && m.get("cdk_nag") instanceof Map<?, ?> nag) {
                for (Object rule : list(nag.get("rules_to_suppress"))) {
                    Map<?, ?> suppression = (Map<?, ?>) rule;
                    assertThat(String.valueOf(suppression.get("reason"))).hasSizeGreaterThan(80);
                    suppressed.add((String) suppression.get("id"));
                }
            }
        });
        assertThat(suppressed)
                .containsExactlyInAnyOrder(
                        "AwsSolutions-APIG4",
                        "AwsSolutions-ECS2",
                        "AwsSolutions-ELB2",
                        "AwsSolutions-IAM5",
                        "AwsSolutions-SMG4",
                        "AwsSolutions-SNS2");
    }

    // --- helpers

    /** Ref, Fn::GetAtt and DependsOn targets (and ${Id} in Fn::Sub) anywhere in a JSON value. */
    private static void collectReferences(final Object value, final Set<?> ids, final Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> {
                if ("Ref".equals(key) && ids.contains(v)) {
                    into.add((String) v);
                } else if ("Fn::GetAtt".equals(key) && ids.contains(list(v).get(0))) {
                    into.add((String) list(v).get(0));
                } else if ("DependsOn".equals(key)) {
                    strings(v).stream().filter(ids::contains).forEach(into::add);
                } else if ("Fn::Sub".equals(key)) {
                    String text = String.valueOf(list(v).get(0));
                    ids.stream()
                            .map(String::valueOf)
                            .filter(id -> text.contains("${" + id))
                            .forEach(into::add);
                }
                collectReferences(v, ids, into);
            });
        } else if (value instanceof List<?> items) {
            items.forEach(item -> collectReferences(item, ids, into));
        }
    }

    private static Set<String> reachable(final String start, final Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(edges.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(edges.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static Map<String, Object> hash(final String attribute) {
        return Map.of("AttributeName", attribute, "KeyType", "HASH");
    }

    private static Map<String, Object> range(final String attribute) {
        return Map.of("AttributeName", attribute, "KeyType", "RANGE");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> output(final String name) {
        return (Map<String, Object>) ((Map<?, ?>) template.toJSON().get("Outputs")).get(name);
    }

    static List<String> endpointServices(final Synthesis synthesis, final String type) {
        return synthesis.resources("AWS::EC2::VPCEndpoint").values().stream()
                .map(Synthesis::properties)
                .filter(p -> type.equals(p.get("VpcEndpointType")))
                .map(p -> String.valueOf(p.get("ServiceName")).replace("]]}", ""))
                .toList();
    }

    private static List<String> endpointServices(final String type) {
        return endpointServices(synthesis, type);
    }

    private static String vpcLinkSecurityGroup() {
        Map<String, Object> link = properties(synthesis.only("AWS::ApiGatewayV2::VpcLink"));
        Map<?, ?> group = (Map<?, ?>) list(link.get("SecurityGroupIds")).get(0);
        return (String) list(group.get("Fn::GetAtt")).get(0);
    }
}
