package dev.fileshare.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * fileshare on AWS: API Gateway → VPC link → internal ALB → Fargate tasks → S3 + DynamoDB, with
 * alarms, a dashboard and a telemetry collector beside each task. Environment-agnostic: it deploys
 * to the account and region of the deployer's AWS profile.
 */
public final class FileshareStack extends Stack {

    /**
     * Largest request or response body the service lets through the gateway on its binary PUT/GET
     * /file (service key fileshare.gateway.max-body-bytes): API Gateway carries at most 10 MB; the
     * headroom is for headers. Larger files go through the resumable upload and the download URL.
     */
    public static final long GATEWAY_MAX_BODY_BYTES = 9L * 1024 * 1024;

    private final DataStores dataStores;
    private final ServiceCluster serviceCluster;
    private final HttpApiFront front;
    private final Monitoring monitoring;

    public FileshareStack(final Construct scope, final String id, final Props props) {
        super(scope, id, props.stackProps());
        RemovalPolicy removal = props.retainData() ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY;

        Network network = new Network(
                this,
                "Network",
                Network.Props.builder().logRemovalPolicy(removal).build());

        dataStores = new DataStores(
                this,
                "Data",
                DataStores.Props.builder()
                        .retainData(props.retainData())
                        .corsOrigins(props.corsOrigins())
                        .build());
        network.limitS3To(dataStores.s3EndpointStatements());
        network.limitDynamoDbTo(dataStores.dynamoDbEndpointStatements());

        serviceCluster = new ServiceCluster(
                this,
                "Service",
                ServiceCluster.Props.builder()
                        .vpc(network.vpc())
                        .subnets(network.privateSubnets())
                        .image(props.image())
                        .collectorImageDirectory(props.collectorImageDirectory())
                        .architecture(props.architecture())
                        .environment(serviceEnvironment())
                        .logRemovalPolicy(removal)
                        .build());

        front = new HttpApiFront(
                this,
                "Api",
                HttpApiFront.Props.builder()
                        .vpc(network.vpc())
                        .subnets(network.privateSubnets())
                        .listener(serviceCluster.listener())
                        .corsOrigins(props.corsOrigins())
                        .logRemovalPolicy(removal)
                        .build());

        dataStores.grantServiceAccess(serviceCluster.taskRole());
        NagSuppressions.addResourceSuppressions(
                serviceCluster.taskRole(),
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Files are objects keyed <owner>/<file_name> with names chosen by users, so the "
                                + "object actions (get, put, delete, multipart clean-up) apply to the objects of "
                                + "this one bucket: <bucket ARN>/*. The telemetry collector's X-Ray actions "
                                + "(PutTraceSegments, PutTelemetryRecords) have no resource-level permissions: '*'.")
                        .appliesTo(List.of("Resource::<" + logicalIdOf(dataStores.bucket()) + ".Arn>/*", "Resource::*"))
                        .build()),
                true);

        monitoring = new Monitoring(
                this,
                "Monitoring",
                new Monitoring.Props(
                        serviceCluster.targetGroup(),
                        front.api(),
                        serviceCluster.service(),
                        serviceCluster.minTasks(),
                        dataStores.tables(),
                        props.alarmEmail()));
        monitoring.guardDeploymentsOf(serviceCluster.service());

        CfnOutput.Builder.create(this, "ApiUrl")
                .description("Base URL of the fileshare API")
                .value(front.url())
                .build();
        CfnOutput.Builder.create(this, "OpenApiUiUrl")
                .description("Swagger UI of the fileshare API")
                .value(front.url() + "openapi/ui")
                .build();
        CfnOutput.Builder.create(this, "BucketName")
                .description("S3 bucket that holds the files")
                .value(dataStores.bucket().getBucketName())
                .build();
        CfnOutput.Builder.create(this, "AlarmTopicArn")
                .description("SNS topic the alarms notify; subscribe to it to hear them")
                .value(monitoring.topic().getTopicArn())
                .build();
    }

    /**
     * The service's configuration: where its data is, and what it must know about the front it sits
     * behind: its public URL (for the OpenAPI document's servers and public links; the API is built after the tasks,
     * so the URL is filled in at synthesis) and the gateway's body limit. The proxies it may believe
     * are the service cluster's to say (its VPC).
     */
    private Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new HashMap<>(dataStores.serviceEnvironment());
        environment.put("MP_OPENAPI_SERVERS", Lazy.string(() -> front.url()));
        // The host the service sees is the load balancer's: the absolute URLs it hands out (public links) use this.
        environment.put("FILESHARE_PUBLIC_URL", Lazy.string(() -> front.url()));
        environment.put("FILESHARE_GATEWAY_MAX_BODY_BYTES", Long.toString(GATEWAY_MAX_BODY_BYTES));
        return environment;
    }

    /** The CloudFormation logical id as cdk-nag names it in appliesTo ("Resource::<Id.Arn>"). */
    private String logicalIdOf(final Construct construct) {
        return resolve(getLogicalId(
                        (software.amazon.awscdk.CfnElement) construct.getNode().getDefaultChild()))
                .toString();
    }

    public DataStores dataStores() {
        return dataStores;
    }

    public ServiceCluster serviceCluster() {
        return serviceCluster;
    }

    public HttpApiFront front() {
        return front;
    }

    public Monitoring monitoring() {
        return monitoring;
    }

    /** What the stack needs to know. */
    public static final class Props {
        private final StackProps stackProps;
        private final ContainerImage image;
        private final Path collectorImageDirectory;
        private final Architecture architecture;
        private final boolean retainData;
        private final List<String> corsOrigins;
        private final Optional<String> alarmEmail;

        private Props(final Builder builder) {
            this.stackProps = Objects.requireNonNull(builder.stackProps, "stackProps");
            this.image = Objects.requireNonNull(builder.image, "image");
            this.collectorImageDirectory =
                    Objects.requireNonNull(builder.collectorImageDirectory, "collectorImageDirectory");
            this.architecture = Objects.requireNonNull(builder.architecture, "architecture");
            this.retainData = builder.retainData;
            this.corsOrigins = List.copyOf(builder.corsOrigins);
            this.alarmEmail = Objects.requireNonNull(builder.alarmEmail, "alarmEmail");
        }

        public static Builder builder() {
            return new Builder();
        }

        public StackProps stackProps() {
            return stackProps;
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

        public boolean retainData() {
            return retainData;
        }

        public List<String> corsOrigins() {
            return corsOrigins;
        }

        public Optional<String> alarmEmail() {
            return alarmEmail;
        }

        public static final class Builder {
            private StackProps stackProps = StackProps.builder().build();
            private ContainerImage image;
            private Path collectorImageDirectory;
            private Architecture architecture = Architecture.X86_64;
            private boolean retainData = true;
            private List<String> corsOrigins = List.of();
            private Optional<String> alarmEmail = Optional.empty();

            private Builder() {}

            public Builder stackProps(final StackProps stackProps) {
                this.stackProps = stackProps;
                return this;
            }

            /** The service image; usually {@link ServiceImage#fromRepositoryRoot}. */
            public Builder image(final ContainerImage image) {
                this.image = image;
                return this;
            }

            /** The directory of the telemetry collector's Dockerfile (infra/collector). */
            public Builder collectorImageDirectory(final Path directory) {
                this.collectorImageDirectory = directory;
                return this;
            }

            /** The tasks' CPU architecture; default x86_64. */
            public Builder architecture(final Architecture architecture) {
                this.architecture = architecture;
                return this;
            }

            /** Keep the bucket, the tables and the logs when the stack is deleted; default true. */
            public Builder retainData(final boolean retainData) {
                this.retainData = retainData;
                return this;
            }

            /** Browser origins allowed to call the API and the presigned URLs; default none. */
            public Builder corsOrigins(final List<String> origins) {
                this.corsOrigins = origins;
                return this;
            }

            /** An address the alarm topic mails; default none. */
            public Builder alarmEmail(final Optional<String> address) {
                this.alarmEmail = address;
                return this;
            }

            public Props build() {
                return new Props(this);
            }
        }
    }
}
