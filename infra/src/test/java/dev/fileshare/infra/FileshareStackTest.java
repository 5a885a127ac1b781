package dev.fileshare.infra;

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
                .hasSize(4)
                .anyMatch(s -> s.endsWith(".ecr.api"))
                .anyMatch(s -> s.endsWith(".ecr.dkr"))
                .anyMatch(s -> s.endsWith(".logs"))
                .anyMatch(s -> s.endsWith(".secretsmanager"));
        synthesis.resources("AWS::EC2::VPCEndpoint").values().stream()
                .map(FileshareStackTest::properties)
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
            if (rules instanceof Collection<?> list) {
                ingress.addAll(list);
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
    void taskIsAModestFargateTaskOnPort9080() {
        template.hasResourceProperties(
                "AWS::ECS::TaskDefinition",
                Match.objectLike(Map.of(
                        "Cpu", "1024",
                        "Memory", "2048",
                        "NetworkMode", "awsvpc",
                        "RequiresCompatibilities", List.of("FARGATE"),
                        "ContainerDefinitions",
                                List.of(Match.objectLike(Map.of(
                                        "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 9080))),
                                        "LogConfiguration", Match.objectLike(Map.of("LogDriver", "awslogs"))))))));
    }

    @Test
    void containerIsConfiguredForTheAwsStoreWithTheSigningKeyFromSecretsManager() {
        Map<String, Object> container = container();
        Set<String> names = new TreeSet<>();
        for (Object variable : (List<?>) container.get("Environment")) {
            names.add((String) ((Map<?, ?>) variable).get("Name"));
        }
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "FILESHARE_STORE",
                        "FILESHARE_AWS_REGION",
                        "FILESHARE_AWS_BUCKET",
                        "FILESHARE_AWS_TABLE_USERS",
                        "FILESHARE_AWS_TABLE_SESSIONS",
                        "FILESHARE_AWS_TABLE_SHARES",
                        "FILESHARE_AWS_TABLE_LOGIN_FAILURES",
                        "FILESHARE_HTTP_TRUSTED_PROXIES");
        String vpc = synthesis.resources("AWS::EC2::VPC").keySet().iterator().next();
        assertThat(objects(container.get("Environment")))
                .contains(Map.of("Name", "FILESHARE_STORE", "Value", "aws"))
                // Only the VPC (the ALB and the API's VPC link) is believed about where a request came from.
                .contains(Map.of(
                        "Name",
                        "FILESHARE_HTTP_TRUSTED_PROXIES",
                        "Value",
                        Map.of("Fn::GetAtt", List.of(vpc, "CidrBlock"))))
                .contains(Map.of("Name", "FILESHARE_AWS_REGION", "Value", Map.of("Ref", "AWS::Region")));

        String secret = synthesis
                .resources("AWS::SecretsManager::Secret")
                .keySet()
                .iterator()
                .next();
        assertThat(objects(container.get("Secrets")))
                .containsExactly(Map.of("Name", "FILESHARE_TRANSFER_SIGNING_KEY", "ValueFrom", Map.of("Ref", secret)));
    }

    @Test
    void signingKeyIsGeneratedAsBase64OfAtLeast32Bytes() {
        Map<String, Object> secret = properties(synthesis
                .resources("AWS::SecretsManager::Secret")
                .values()
                .iterator()
                .next());
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
        ((List<?>) container().get("Secrets")).forEach(v -> names.add((String) ((Map<?, ?>) v).get("Name")));
        assertThat(RepositoryFiles.configEnvironmentNames())
                .as("environment names of the service's configuration keys")
                .containsAll(names);
    }

    @Test
    void everyFileshareVariableOfTheTaskIsAConfigurationKeyOfTheService() {
        Set<String> names = new TreeSet<>();
        ((List<?>) container().get("Environment")).forEach(v -> names.add((String) ((Map<?, ?>) v).get("Name")));
        assertThat(RepositoryFiles.configEnvironmentNames())
                .as("environment names of the service's configuration keys")
                .containsAll(names);
    }

    @Test
    void containerLogsAreKeptForAMonth() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
        synthesis
                .resources("AWS::Logs::LogGroup")
                .values()
                .forEach(group -> assertThat(properties(group)).containsKey("RetentionInDays"));
    }

    @Test
    void serviceRunsAtLeastTwoPrivateTasksAndRollsBackFailedDeployments() {
        template.hasResourceProperties(
                "AWS::ECS::Service",
                Match.objectLike(Map.of(
                        "LaunchType",
                        "FARGATE",
                        "DesiredCount",
                        2,
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
    void serviceScalesOnCpuAndOnRequestsPerTarget() {
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
        Map<String, Object> task = properties(synthesis
                .resources("AWS::ECS::TaskDefinition")
                .values()
                .iterator()
                .next());
        assertThat(task.get("TaskRoleArn")).isNotNull().isNotEqualTo(task.get("ExecutionRoleArn"));
        assertThat(task.get("TaskRoleArn"))
                .isEqualTo(Map.of(
                        "Fn::GetAtt",
                        List.of(
                                synthesis.logicalId(
                                        synthesis.stack().serviceCluster().taskRole()),
                                "Arn")));
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
    void targetGroupChecksReadinessOnTheContainerPort() {
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::TargetGroup",
                Match.objectLike(Map.of(
                        "HealthCheckPath", "/health/ready",
                        "HealthCheckPort", "9080",
                        "Port", 9080,
                        "Protocol", "HTTP",
                        "TargetType", "ip")));
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
                .map(FileshareStackTest::properties)
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
    void outputsTheApiUrlAndTheSwaggerUiUrl() {
        template.hasOutput("ApiUrl", Match.objectLike(Map.of("Value", Match.anyValue())));
        Map<String, Object> ui = output("OpenApiUiUrl");
        assertThat(String.valueOf(ui.get("Value"))).contains("execute-api").endsWith("/openapi/ui]]}");
    }

    // --- data

    @Test
    void fileBucketIsPrivateEncryptedVersionedAndCleansUp() {
        String bucket = synthesis.logicalId(synthesis.stack().dataStores().bucket());
        Map<String, Object> files = synthesis.resources("AWS::S3::Bucket").get(bucket);
        assertThat(files).containsEntry("DeletionPolicy", "Retain");
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
                                                        Match.objectLike(Map.of(
                                                                "AbortIncompleteMultipartUpload",
                                                                Map.of("DaysAfterInitiation", 1),
                                                                "Status",
                                                                "Enabled"))))))));
    }

    @Test
    void everyBucketRefusesPlainHttp() {
        Set<Object> enforced = new HashSet<>();
        synthesis.resources("AWS::S3::BucketPolicy").values().forEach(policy -> {
            Map<?, ?> document = (Map<?, ?>) properties(policy).get("PolicyDocument");
            for (Object s : (List<?>) document.get("Statement")) {
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
    void tablesAreOnDemandRecoverableEncryptedAndRetained() {
        Map<String, Map<String, Object>> tables = synthesis.resources("AWS::DynamoDB::Table");
        assertThat(tables).hasSize(4);
        tables.values().forEach(table -> {
            assertThat(table).containsEntry("DeletionPolicy", "Retain");
            assertThat(properties(table))
                    .containsEntry("BillingMode", "PAY_PER_REQUEST")
                    .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                    // SSEEnabled without a key: the AWS managed key aws/dynamodb.
                    .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
                    .containsEntry("DeletionProtectionEnabled", true);
        });
    }

    @Test
    void tablesHaveTheKeysOfTheAwsStore() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema", List.of(hash("username")),
                        "TimeToLiveSpecification", Match.absent())));
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema", List.of(hash("token_hash")),
                        "TimeToLiveSpecification", Map.of("AttributeName", "expires_at", "Enabled", true))));
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema", List.of(hash("grantee"), range("file_key")),
                        "GlobalSecondaryIndexes",
                                List.of(Map.of(
                                        "IndexName", "by-file",
                                        "KeySchema", List.of(hash("file_key"), range("grantee")),
                                        "Projection", Map.of("ProjectionType", "ALL"))))));
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema", List.of(hash("throttle_key")),
                        "TimeToLiveSpecification", Map.of("AttributeName", "expires_at", "Enabled", true))));
        synthesis.resources("AWS::DynamoDB::Table").values().forEach(table -> {
            for (Object attribute : (List<?>) properties(table).get("AttributeDefinitions")) {
                assertThat(((Map<?, ?>) attribute).get("AttributeType")).isEqualTo("S");
            }
        });
    }

    // --- IAM

    @Test
    void noIamStatementGrantsWildcardActions() {
        List<String> actions = allIamActions();
        assertThat(actions).isNotEmpty().allSatisfy(action -> assertThat(action).doesNotContain("*"));
    }

    @Test
    void taskRoleMayDoExactlyWhatTheServiceDoesOnExactlyItsStores() {
        List<Map<?, ?>> statements =
                policyStatementsOf(synthesis.stack().serviceCluster().taskRole());
        Set<String> actions = new TreeSet<>();
        Set<String> resources = new TreeSet<>();
        statements.forEach(s -> {
            assertThat(s.get("Effect")).isEqualTo("Allow");
            actions.addAll(strings(s.get("Action")));
            asList(s.get("Resource")).forEach(r -> resources.add(String.valueOf(r)));
        });
        Set<String> expected = new TreeSet<>();
        expected.addAll(DataStores.OBJECT_ACTIONS);
        expected.addAll(DataStores.BUCKET_ACTIONS);
        expected.addAll(DataStores.TABLE_ACTIONS);
        assertThat(actions).isEqualTo(expected);

        String bucket = synthesis.logicalId(synthesis.stack().dataStores().bucket());
        Set<String> expectedResources = new TreeSet<>();
        expectedResources.add(String.valueOf(Map.of("Fn::GetAtt", List.of(bucket, "Arn"))));
        synthesis
                .stack()
                .dataStores()
                .tables()
                .forEach(t -> expectedResources.add(
                        String.valueOf(Map.of("Fn::GetAtt", List.of(synthesis.logicalId(t), "Arn")))));
        assertThat(resources).containsAll(expectedResources).hasSize(expectedResources.size() + 2);
        assertThat(resources)
                .anyMatch(r -> r.contains(bucket) && r.endsWith("/*]]}"))
                .anyMatch(r -> r.endsWith("/index/by-file]]}"));
    }

    @Test
    void taskRoleMayReadTheObjectVersionsDownloadUrlsNameButDeleteNone() {
        Set<String> actions = new TreeSet<>();
        policyStatementsOf(synthesis.stack().serviceCluster().taskRole())
                .forEach(s -> actions.addAll(strings(s.get("Action"))));

        // A presigned GET acts with the signer's permissions, and it names an object version.
        assertThat(actions).contains("s3:GetObjectVersion").doesNotContain("s3:DeleteObjectVersion");
    }

    @Test
    void executionRoleHasNoDataAccess() {
        List<Map<?, ?>> statements =
                policyStatementsOf(synthesis.stack().serviceCluster().executionRole());
        List<String> actions = new ArrayList<>();
        statements.forEach(s -> actions.addAll(strings(s.get("Action"))));
        assertThat(actions)
                .isNotEmpty()
                .noneMatch(a -> a.startsWith("s3:") || a.startsWith("dynamodb:"))
                .contains("secretsmanager:GetSecretValue", "logs:PutLogEvents", "ecr:BatchGetImage");
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
                for (Object rule : (List<?>) nag.get("rules_to_suppress")) {
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
                        "AwsSolutions-SMG4");
    }

    // --- helpers

    private static Map<String, Object> hash(final String attribute) {
        return Map.of("AttributeName", attribute, "KeyType", "HASH");
    }

    private static Map<String, Object> range(final String attribute) {
        return Map.of("AttributeName", attribute, "KeyType", "RANGE");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(final Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container() {
        Map<String, Object> task = properties(synthesis
                .resources("AWS::ECS::TaskDefinition")
                .values()
                .iterator()
                .next());
        return (Map<String, Object>) ((List<?>) task.get("ContainerDefinitions")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> output(final String name) {
        return (Map<String, Object>) ((Map<?, ?>) template.toJSON().get("Outputs")).get(name);
    }

    private static List<String> endpointServices(final String type) {
        return synthesis.resources("AWS::EC2::VPCEndpoint").values().stream()
                .map(FileshareStackTest::properties)
                .filter(p -> type.equals(p.get("VpcEndpointType")))
                .map(p -> String.valueOf(p.get("ServiceName")).replace("]]}", ""))
                .toList();
    }

    private static String vpcLinkSecurityGroup() {
        Map<String, Object> link = properties(synthesis
                .resources("AWS::ApiGatewayV2::VpcLink")
                .values()
                .iterator()
                .next());
        Map<?, ?> group = (Map<?, ?>) ((List<?>) link.get("SecurityGroupIds")).get(0);
        return (String) ((List<?>) group.get("Fn::GetAtt")).get(0);
    }

    private static List<Map<?, ?>> policyStatementsOf(final software.constructs.IConstruct role) {
        Map<String, Object> roleRef = Map.of("Ref", synthesis.logicalId(role));
        List<Map<?, ?>> statements = new ArrayList<>();
        synthesis.resources("AWS::IAM::Policy").values().stream()
                .map(FileshareStackTest::properties)
                .filter(p -> ((List<?>) p.get("Roles")).contains(roleRef))
                .forEach(p -> ((List<?>) ((Map<?, ?>) p.get("PolicyDocument")).get("Statement"))
                        .forEach(s -> statements.add((Map<?, ?>) s)));
        assertThat(statements).as("policy statements of %s", roleRef).isNotEmpty();
        return statements;
    }

    /** Every action of every identity policy and inline role policy in the template. */
    private static List<String> allIamActions() {
        List<String> actions = new ArrayList<>();
        synthesis
                .resources("AWS::IAM::Policy")
                .values()
                .forEach(p -> collectActions(properties(p).get("PolicyDocument"), actions));
        synthesis.resources("AWS::IAM::Role").values().forEach(role -> {
            Object inline = properties(role).get("Policies");
            asList(inline).forEach(policy -> collectActions(((Map<?, ?>) policy).get("PolicyDocument"), actions));
        });
        return actions;
    }

    @SuppressWarnings("unchecked")
    private static void collectActions(final Object document, final List<String> into) {
        for (Object s : asList(((Map<?, ?>) document).get("Statement"))) {
            Map<?, ?> statement = (Map<?, ?>) s;
            assertThat((Map<Object, Object>) statement)
                    .as("no NotAction statements")
                    .doesNotContainKey("NotAction");
            into.addAll(strings(statement.get("Action")));
        }
    }

    private static List<?> asList(final Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }

    private static List<Object> objects(final Object value) {
        return new ArrayList<>(asList(value));
    }

    private static List<String> strings(final Object value) {
        return objects(value).stream().map(String::valueOf).toList();
    }
}
