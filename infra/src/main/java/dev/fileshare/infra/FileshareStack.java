package dev.fileshare.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * fileshare on AWS: API Gateway → VPC link → internal ALB → Fargate tasks → S3 + DynamoDB.
 * Environment-agnostic: it deploys to the account and region of the deployer's AWS profile.
 */
public final class FileshareStack extends Stack {

    private final DataStores dataStores;
    private final ServiceCluster serviceCluster;
    private final HttpApiFront front;

    public FileshareStack(final Construct scope, final String id, final Props props) {
        super(scope, id, props.stackProps());
        RemovalPolicy removal = props.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        Network network = new Network(
                this,
                "Network",
                Network.Props.builder().logRemovalPolicy(removal).build());

        dataStores = new DataStores(
                this,
                "Data",
                DataStores.Props.builder().retainData(props.retainData()).build());

        serviceCluster = new ServiceCluster(
                this,
                "Service",
                ServiceCluster.Props.builder()
                        .vpc(network.vpc())
                        .subnets(network.privateSubnets())
                        .image(props.image())
                        .environment(dataStores.serviceEnvironment())
                        .logRemovalPolicy(removal)
                        .build());

        dataStores.grantServiceAccess(serviceCluster.taskRole());
        NagSuppressions.addResourceSuppressions(
                serviceCluster.taskRole(),
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Files are objects keyed <owner>/<file_name> with names chosen by users, so the "
                                + "object actions (get, put, delete, multipart clean-up) apply to the objects of "
                                + "this one bucket: <bucket ARN>/*. No other wildcard is granted.")
                        .appliesTo(List.of("Resource::<" + logicalIdOf(dataStores.bucket()) + ".Arn>/*"))
                        .build()),
                true);

        front = new HttpApiFront(
                this,
                "Api",
                HttpApiFront.Props.builder()
                        .vpc(network.vpc())
                        .subnets(network.privateSubnets())
                        .listener(serviceCluster.listener())
                        .logRemovalPolicy(removal)
                        .build());

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

    /** What the stack needs to know. */
    public static final class Props {
        private final StackProps stackProps;
        private final ContainerImage image;
        private final boolean retainData;

        private Props(final Builder builder) {
            this.stackProps = Objects.requireNonNull(builder.stackProps, "stackProps");
            this.image = Objects.requireNonNull(builder.image, "image");
            this.retainData = builder.retainData;
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

        public boolean retainData() {
            return retainData;
        }

        public static final class Builder {
            private StackProps stackProps = StackProps.builder().build();
            private ContainerImage image;
            private boolean retainData = true;

            private Builder() {}

            public Builder stackProps(final StackProps stackProps) {
                this.stackProps = stackProps;
                return this;
            }

            /** The service image; usually {@link ServiceImage#fromRepositoryRoot(Path)}. */
            public Builder image(final ContainerImage image) {
                this.image = image;
                return this;
            }

            /** Keep the bucket, the tables and the logs when the stack is deleted; default true. */
            public Builder retainData(final boolean retainData) {
                this.retainData = retainData;
                return this;
            }

            public Props build() {
                return new Props(this);
            }
        }
    }
}
