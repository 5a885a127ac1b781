package dev.fileshare.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * fileshare on ECS Fargate behind an internal Application Load Balancer: the cluster, the task
 * (Liberty on port 9080, configured by environment, with the telemetry collector beside it), the
 * service with its scaling and its rollback-on-failure deployments, and the load balancer that only
 * the API's VPC link can reach and that keeps the operators' endpoints to itself.
 */
public final class ServiceCluster extends Construct {

    /** Liberty's HTTP port in the container (server.xml variable http.port). */
    public static final int CONTAINER_PORT = 9080;
    /**
     * MicroProfile Health liveness: up while the server runs, whatever S3 and DynamoDB say. A deep
     * readiness check here would let a brief store brownout (or throttled DescribeTable calls) mark
     * every task unhealthy at once and have ECS replace the whole fleet.
     */
    public static final String HEALTH_CHECK_PATH = "/health/live";
    /** The ALB listens on plain HTTP: it is internal and only the VPC link can reach it. */
    public static final int LISTENER_PORT = 80;
    /**
     * How long the ALB keeps an idle connection to a task open. Liberty's keep-alive timeout
     * (server.xml httpOptions persistTimeout) must be longer, or the ALB reuses a connection that
     * Liberty has just closed and answers 502.
     */
    public static final Duration IDLE_TIMEOUT = Duration.seconds(60);
    /**
     * Operators' endpoints, served on the service's port for the health checks and for scrapers
     * inside the VPC, never to clients: the listener answers 404 itself (priority order).
     */
    static final List<List<String>> OPERATOR_PATH_PATTERNS = List.of(
            List.of("/health*", "/metrics*"),
            // Paths the server would normalise into one of the above (//health, /x/../health).
            List.of("*//*", "*/.*"));
    /** The 404 the listener answers for an operator path, in the service's problem+json shape. */
    static final String NOT_FOUND_BODY = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"No such resource.\",\"message\":\"No such resource.\"}";
    /** The service's configuration key fileshare.transfer.signing-key, as an environment variable. */
    public static final String SIGNING_KEY_VARIABLE = "FILESHARE_TRANSFER_SIGNING_KEY";

    /** Task CPU units: 1 vCPU. */
    private static final int CPU = 1024;
    /** Task memory. */
    private static final int MEMORY_MIB = 2048;
    /** The service container's share: the rest is the collector's; the service needs at least 1 GiB. */
    private static final int SERVICE_MEMORY_MIB = MEMORY_MIB - TelemetryCollector.MEMORY_MIB;
    /** Fewest running tasks: one per Availability Zone. */
    private static final int MIN_TASKS = 2;
    /** Most running tasks. */
    private static final int MAX_TASKS = 6;
    /** Average CPU the scaling aims at, in percent. */
    private static final int TARGET_CPU_PERCENT = 60;
    /** ALB requests per task per minute the scaling aims at (50 a second). */
    private static final int REQUESTS_PER_TASK_PER_MINUTE = 3000;

    private final Role taskRole;
    private final Role executionRole;
    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationListener listener;
    private final FargateService service;
    private final ApplicationTargetGroup targetGroup;
    private final TelemetryCollector telemetry;

    public ServiceCluster(final Construct scope, final String id, final Props props) {
        super(scope, id);

        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(props.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();

        // Signs the service's own short-lived transfer URLs; generated by Secrets Manager, never in
        // the template. The service reads it as standard Base64 of at least 32 bytes: 64 characters
        // from [A-Za-z0-9] are valid Base64 of 48 bytes (about 380 random bits).
        software.amazon.awscdk.services.secretsmanager.Secret signingKey =
                software.amazon.awscdk.services.secretsmanager.Secret.Builder.create(this, "TransferSigningKey")
                        .description("fileshare: key that signs the service's own transfer URLs")
                        .generateSecretString(SecretStringGenerator.builder()
                                .passwordLength(64)
                                .excludePunctuation(true)
                                .includeSpace(false)
                                .build())
                        .build();
        NagSuppressions.addResourceSuppressions(
                signingKey,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-SMG4")
                        .reason(
                                "The transfer-URL signing key is read once at task start and only signs short-lived URLs; "
                                        + "automatic rotation would need a rotation Lambda and a rolling restart for no gain. "
                                        + "Rotate by generating a new value and redeploying, which restarts the tasks.")
                        .build()));

        // Two roles: ECS itself uses the execution role to pull the image, read the secret and write
        // logs; the application gets only the task role, which is granted the data stores.
        executionRole = Role.Builder.create(this, "ExecutionRole")
                .assumedBy(TrustedServices.ecsTasks(this))
                .description("fileshare: ECS pulls the image, reads the secret, writes logs")
                .build();
        taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(TrustedServices.ecsTasks(this))
                .description("fileshare: what the application may do in S3 and DynamoDB, and its telemetry")
                .build();

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(props.logRemovalPolicy())
                .build();

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(CPU)
                .memoryLimitMiB(MEMORY_MIB)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(props.architecture().taskCpu())
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .executionRole(executionRole)
                .taskRole(taskRole)
                .build();

        telemetry = new TelemetryCollector(
                this,
                "Telemetry",
                new TelemetryCollector.Props(
                        task,
                        props.collectorImageDirectory(),
                        props.architecture(),
                        "fileshare",
                        LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix(TelemetryCollector.CONTAINER_NAME)
                                .build()),
                        props.logRemovalPolicy()));

        // Sorted: the same configuration always renders the same task definition (no needless deploys).
        Map<String, String> environment = new TreeMap<>();
        environment.put("FILESHARE_STORE", "aws");
        environment.put("FILESHARE_AWS_REGION", Stack.of(this).getRegion());
        environment.putAll(telemetry.serviceEnvironment());
        // Requests arrive through the API's VPC link and the internal ALB, both inside the VPC: the service believes
        // their X-Forwarded-For and throttles logins by the client address API Gateway saw.
        environment.put("FILESHARE_HTTP_TRUSTED_PROXIES", props.vpc().getVpcCidrBlock());
        environment.putAll(props.environment());

        task.addContainer(
                "fileshare",
                ContainerDefinitionOptions.builder()
                        .image(props.image())
                        .portMappings(List.of(PortMapping.builder()
                                .containerPort(CONTAINER_PORT)
                                .build()))
                        // The rest of the task's memory is the collector's. The JVM sizes its heap
                        // from this limit (jvm.options: -XX:MaxRAMPercentage).
                        .memoryLimitMiB(SERVICE_MEMORY_MIB)
                        .environment(environment)
                        .secrets(Map.of(SIGNING_KEY_VARIABLE, Secret.fromSecretsManager(signingKey)))
                        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix("fileshare")
                                .build()))
                        // Liberty stops gracefully on SIGTERM; give in-flight requests time to finish.
                        .stopTimeout(Duration.seconds(30))
                        .build());
        NagSuppressions.addResourceSuppressions(
                task,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-ECS2")
                        .reason("The plain environment variables are not secrets: the store mode, the region, "
                                + "the generated bucket and table names, the API's URL, the VPC's address range, the "
                                + "OpenTelemetry settings and the collector's configuration. The one secret, the "
                                + "transfer-URL signing key, comes from Secrets Manager.")
                        .build()));
        NagSuppressions.addResourceSuppressions(
                executionRole,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("ecr:GetAuthorizationToken supports no resource-level permissions, so CDK grants "
                                + "it on '*'; the image pull itself is limited to the asset repository.")
                        .appliesTo(List.of("Resource::*"))
                        .build()),
                true);

        SecurityGroup serviceGroup = SecurityGroup.Builder.create(this, "ServiceSecurityGroup")
                .vpc(props.vpc())
                .description("fileshare tasks: in from the load balancer only, out to AWS endpoints on 443")
                .allowAllOutbound(false)
                .build();
        // The subnets have no route to the internet: 443 reaches only the VPC endpoints.
        serviceGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "AWS APIs through VPC endpoints");

        // No desiredCount: the scaling below owns the task count, and a deploy must not reset it
        // (CloudFormation starts a new service at one task; the scaling raises it to minTasks).
        service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                .vpcSubnets(props.subnets())
                .securityGroups(List.of(serviceGroup))
                .assignPublicIp(false)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(true)
                        .rollback(true)
                        .build())
                // Liberty takes a few seconds to start and the JIT longer to warm.
                .healthCheckGracePeriod(Duration.seconds(60))
                .build();

        SecurityGroup albGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(props.vpc())
                .description("fileshare internal ALB: in from the API VPC link only")
                .allowAllOutbound(false)
                .build();
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(props.vpc())
                .vpcSubnets(props.subnets())
                .internetFacing(false)
                .securityGroup(albGroup)
                .dropInvalidHeaderFields(true)
                .idleTimeout(IDLE_TIMEOUT)
                .build();
        NagSuppressions.addResourceSuppressions(
                loadBalancer,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-ELB2")
                        .reason("The ALB is internal and reachable only through the API Gateway VPC link, whose "
                                + "stage access log records every request (source IP, route, status, latency). "
                                + "ALB access logs would duplicate it and tie the template to one region's "
                                + "ELB log-delivery account.")
                        .build()));

        listener = loadBalancer.addListener(
                "Http",
                BaseApplicationListenerProps.builder()
                        .port(LISTENER_PORT)
                        .protocol(ApplicationProtocol.HTTP)
                        // No 0.0.0.0/0 rule: the API front opens the listener to its VPC link alone.
                        .open(false)
                        .build());
        targetGroup = listener.addTargets(
                "Service",
                AddApplicationTargetsProps.builder()
                        .port(CONTAINER_PORT)
                        .protocol(ApplicationProtocol.HTTP)
                        .targets(List.of(service))
                        .healthCheck(HealthCheck.builder()
                                .path(HEALTH_CHECK_PATH)
                                .port(String.valueOf(CONTAINER_PORT))
                                .healthyHttpCodes("200")
                                .interval(Duration.seconds(15))
                                .timeout(Duration.seconds(5))
                                .healthyThresholdCount(2)
                                .unhealthyThresholdCount(3)
                                .build())
                        .deregistrationDelay(Duration.seconds(30))
                        .build());
        for (int i = 0; i < OPERATOR_PATH_PATTERNS.size(); i++) {
            listener.addAction(
                    "OperatorPaths" + (i + 1),
                    AddApplicationActionProps.builder()
                            .priority(i + 1)
                            .conditions(List.of(ListenerCondition.pathPatterns(OPERATOR_PATH_PATTERNS.get(i))))
                            .action(ListenerAction.fixedResponse(
                                    404,
                                    FixedResponseOptions.builder()
                                            // problem+json is not among the types an ALB can answer with.
                                            .contentType("application/json")
                                            .messageBody(NOT_FOUND_BODY)
                                            .build()))
                            .build());
        }

        ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(MIN_TASKS)
                .maxCapacity(MAX_TASKS)
                .build());
        scaling.scaleOnCpuUtilization(
                "Cpu",
                CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(TARGET_CPU_PERCENT)
                        .scaleOutCooldown(Duration.seconds(60))
                        .scaleInCooldown(Duration.minutes(5))
                        .build());
        scaling.scaleOnRequestCount(
                "Requests",
                RequestCountScalingProps.builder()
                        .requestsPerTarget(REQUESTS_PER_TASK_PER_MINUTE)
                        .targetGroup(targetGroup)
                        .scaleOutCooldown(Duration.seconds(60))
                        .scaleInCooldown(Duration.minutes(5))
                        .build());
    }

    public Role taskRole() {
        return taskRole;
    }

    public TelemetryCollector telemetry() {
        return telemetry;
    }

    /** The fewest tasks the scaling keeps running. */
    public int minTasks() {
        return MIN_TASKS;
    }

    public FargateService service() {
        return service;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    public Role executionRole() {
        return executionRole;
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationListener listener() {
        return listener;
    }

    /** What the service needs to know. */
    public static final class Props {
        private final IVpc vpc;
        private final SubnetSelection subnets;
        private final ContainerImage image;
        private final Path collectorImageDirectory;
        private final Architecture architecture;
        private final Map<String, String> environment;
        private final RemovalPolicy logRemovalPolicy;

        private Props(final Builder builder) {
            this.vpc = Objects.requireNonNull(builder.vpc, "vpc");
            this.subnets = Objects.requireNonNull(builder.subnets, "subnets");
            this.image = Objects.requireNonNull(builder.image, "image");
            this.collectorImageDirectory =
                    Objects.requireNonNull(builder.collectorImageDirectory, "collectorImageDirectory");
            this.architecture = Objects.requireNonNull(builder.architecture, "architecture");
            this.environment = Map.copyOf(builder.environment);
            this.logRemovalPolicy = Objects.requireNonNull(builder.logRemovalPolicy, "logRemovalPolicy");
        }

        public static Builder builder() {
            return new Builder();
        }

        public IVpc vpc() {
            return vpc;
        }

        public SubnetSelection subnets() {
            return subnets;
        }

        public ContainerImage image() {
            return image;
        }

        public Path collectorImageDirectory() {
            return collectorImageDirectory;
        }

        public Architecture architecture() {
            return architecture;
        }

        public Map<String, String> environment() {
            return environment;
        }

        public RemovalPolicy logRemovalPolicy() {
            return logRemovalPolicy;
        }

        public static final class Builder {
            private IVpc vpc;
            private SubnetSelection subnets;
            private ContainerImage image;
            private Path collectorImageDirectory;
            private Architecture architecture = Architecture.X86_64;
            private Map<String, String> environment = Map.of();
            private RemovalPolicy logRemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;

            private Builder() {}

            public Builder vpc(final IVpc vpc) {
                this.vpc = vpc;
                return this;
            }

            /** Where the tasks and the load balancer go. */
            public Builder subnets(final SubnetSelection subnets) {
                this.subnets = subnets;
                return this;
            }

            /** The fileshare image: Liberty with fileshare.war, listening on 9080. */
            public Builder image(final ContainerImage image) {
                this.image = image;
                return this;
            }

            /** The directory of the telemetry collector's Dockerfile (infra/collector). */
            public Builder collectorImageDirectory(final Path directory) {
                this.collectorImageDirectory = directory;
                return this;
            }

            /** The tasks' CPU; default x86_64. */
            public Builder architecture(final Architecture architecture) {
                this.architecture = architecture;
                return this;
            }

            /** Extra environment (configuration keys as MicroProfile Config env names). */
            public Builder environment(final Map<String, String> environment) {
                this.environment = environment;
                return this;
            }

            public Builder logRemovalPolicy(final RemovalPolicy logRemovalPolicy) {
                this.logRemovalPolicy = logRemovalPolicy;
                return this;
            }

            public Props build() {
                return new Props(this);
            }
        }
    }
}
