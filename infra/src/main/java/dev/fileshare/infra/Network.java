package dev.fileshare.infra;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A VPC over two Availability Zones with private subnets only: no internet gateway and no NAT.
 * The tasks reach AWS through VPC endpoints (gateway endpoints for S3 and DynamoDB, which cost
 * nothing; interface endpoints for what ECS needs to start a task and for the telemetry sidecar).
 * The images are built and pushed from the deployer's machine, so nothing in the VPC ever needs the
 * internet. The gateway endpoints carry policies: only this stack's data (see
 * {@link #limitS3To(List)}) and, for S3, the ECR layers a task pulls.
 */
public final class Network extends Construct {

    /** The VPC's address range. */
    private static final String CIDR = "10.40.0.0/16";

    private final Vpc vpc;
    private final GatewayVpcEndpoint s3Endpoint;
    private final GatewayVpcEndpoint dynamoDbEndpoint;

    public Network(final Construct scope, final String id, final Props props) {
        super(scope, id);

        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(CIDR))
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("private")
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .cidrMask(20)
                        .build()))
                // Nothing is placed in the default security group; restricting it would add a
                // custom-resource Lambda to the stack for no gain.
                .restrictDefaultSecurityGroup(false)
                .build();

        SubnetSelection privateSubnets = privateSubnets();

        // Gateway endpoints: the service's data traffic, and ECR's image layers, which are S3 objects.
        s3Endpoint = vpc.addGatewayEndpoint(
                "S3",
                GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3)
                        .subnets(List.of(privateSubnets))
                        .build());
        // ECR keeps image layers in an S3 bucket of its own, read through this endpoint on every pull.
        s3Endpoint.addToPolicy(PolicyStatement.Builder.create()
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:GetObject"))
                .resources(List.of("arn:" + Stack.of(this).getPartition() + ":s3:::prod-"
                        + Stack.of(this).getRegion() + "-starport-layer-bucket/*"))
                .build());
        dynamoDbEndpoint = vpc.addGatewayEndpoint(
                "DynamoDb",
                GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB)
                        .subnets(List.of(privateSubnets))
                        .build());

        // Interface endpoints: what a Fargate task needs to start (pull the image, read its secret),
        // to run (ship its logs) and to send telemetry: traces to X-Ray, metrics as EMF log events
        // through Logs, or directly with PutMetricData through CloudWatch monitoring (no internet
        // route means no metrics API otherwise). One security group: HTTPS from inside the VPC only.
        SecurityGroup endpointGroup = SecurityGroup.Builder.create(this, "EndpointSecurityGroup")
                .vpc(vpc)
                .description("fileshare VPC endpoints: HTTPS from inside the VPC")
                .allowAllOutbound(false)
                .build();
        endpointGroup.addIngressRule(Peer.ipv4(CIDR), Port.tcp(443), "HTTPS from the VPC");
        List.of(
                        InterfaceVpcEndpointAwsService.ECR,
                        InterfaceVpcEndpointAwsService.ECR_DOCKER,
                        InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
                        InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
                        InterfaceVpcEndpointAwsService.XRAY,
                        InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING)
                .forEach(service -> vpc.addInterfaceEndpoint(
                        endpointId(service),
                        InterfaceVpcEndpointOptions.builder()
                                .service(service)
                                .subnets(privateSubnets)
                                .privateDnsEnabled(true)
                                .securityGroups(List.of(endpointGroup))
                                .open(false)
                                .build()));

        // Rejected flows only: enough to see what the security groups stop, at a fraction of the
        // ingestion cost of logging every accepted flow.
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(props.logRemovalPolicy())
                .build();
        Role flowLogRole = Role.Builder.create(this, "FlowLogRole")
                .assumedBy(TrustedServices.vpcFlowLogs(this))
                .description("fileshare: VPC flow logs write rejected flows to their log group")
                .build();
        vpc.addFlowLog(
                "FlowLog",
                FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs, flowLogRole))
                        .trafficType(FlowLogTrafficType.REJECT)
                        .build());
    }

    public IVpc vpc() {
        return vpc;
    }

    /** Only these statements (and ECR's layer reads) pass the S3 gateway endpoint. */
    public void limitS3To(final List<PolicyStatement> statements) {
        statements.forEach(s3Endpoint::addToPolicy);
    }

    /** Only these statements pass the DynamoDB gateway endpoint. */
    public void limitDynamoDbTo(final List<PolicyStatement> statements) {
        statements.forEach(dynamoDbEndpoint::addToPolicy);
    }

    public SubnetSelection privateSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }

    private static String endpointId(final InterfaceVpcEndpointAwsService service) {
        // "com.amazonaws.<region>.ecr.dkr" -> "EcrDkr": a stable, readable logical id.
        String shortName = service.getShortName();
        StringBuilder id = new StringBuilder();
        for (String part : shortName.split("[.-]")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    /** What the network needs to know. */
    public static final class Props {
        private final RemovalPolicy logRemovalPolicy;

        private Props(final Builder builder) {
            this.logRemovalPolicy = Objects.requireNonNull(builder.logRemovalPolicy, "logRemovalPolicy");
        }

        public static Builder builder() {
            return new Builder();
        }

        public RemovalPolicy logRemovalPolicy() {
            return logRemovalPolicy;
        }

        public static final class Builder {
            private RemovalPolicy logRemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;

            private Builder() {}

            /** What happens to the flow-log group when the stack is deleted; default RetainExceptOnCreate. */
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
