package dev.fileshare.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpAlbIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpAlbIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.VpcLink;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The public face: an API Gateway HTTP API whose every route goes, over a VPC link, to the internal
 * load balancer. Its default stage throttles and writes an access log. Authentication stays in the
 * service (session tokens), as in the original API.
 */
public final class HttpApiFront extends Construct {

    /** One JSON object per request, from the variables HTTP APIs support. */
    private static final String ACCESS_LOG_FORMAT = String.join(
            ",",
            List.of(
                    "{\"requestId\":\"$context.requestId\"",
                    "\"ip\":\"$context.identity.sourceIp\"",
                    "\"requestTime\":\"$context.requestTime\"",
                    "\"method\":\"$context.httpMethod\"",
                    "\"path\":\"$context.path\"",
                    "\"protocol\":\"$context.protocol\"",
                    "\"status\":\"$context.status\"",
                    "\"responseLength\":\"$context.responseLength\"",
                    "\"latency\":\"$context.responseLatency\"",
                    "\"integrationLatency\":\"$context.integrationLatency\"",
                    "\"integrationError\":\"$context.integrationErrorMessage\"}"));

    /** Steady-state requests per second for the whole stage. */
    private static final double RATE_LIMIT = 500;
    /** Burst bucket size. */
    private static final int BURST_LIMIT = 1000;

    private final HttpStage stage;
    private final LogGroup accessLogs;

    public HttpApiFront(final Construct scope, final String id, final Props props) {
        super(scope, id);

        SecurityGroup linkGroup = SecurityGroup.Builder.create(this, "VpcLinkSecurityGroup")
                .vpc(props.vpc())
                .description("fileshare API VPC link: out to the internal load balancer only")
                .allowAllOutbound(false)
                .build();
        // Adds the ALB's ingress rule and the link's egress rule on the listener port.
        props.listener().getConnections().allowDefaultPortFrom(linkGroup, "API Gateway VPC link");

        VpcLink link = VpcLink.Builder.create(this, "VpcLink")
                .vpc(props.vpc())
                .subnets(props.subnets())
                .securityGroups(List.of(linkGroup))
                .build();

        HttpApi api = HttpApi.Builder.create(this, "Api")
                .description("fileshare: file-sharing REST API")
                .defaultIntegration(new HttpAlbIntegration(
                        "Service",
                        props.listener(),
                        HttpAlbIntegrationProps.builder().vpcLink(link).build()))
                // The stage is declared below, with throttling and an access log.
                .createDefaultStage(false)
                .build();
        NagSuppressions.addResourceSuppressions(
                api,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-APIG4")
                        .reason("The service authenticates requests itself (x-session-token / Bearer session "
                                + "tokens, stored hashed in DynamoDB); /register, /login, /health and /openapi "
                                + "must stay open, as in the original API. A gateway authorizer would duplicate "
                                + "the session check on every request.")
                        .build()),
                true);

        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.THREE_MONTHS)
                .removalPolicy(props.logRemovalPolicy())
                .build();
        LogGroupLogDestination destination = new LogGroupLogDestination(accessLogs);

        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(RATE_LIMIT)
                        .burstLimit(BURST_LIMIT)
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();
    }

    /** The API's base URL, ending in "/". */
    public String url() {
        return stage.getUrl();
    }

    public LogGroup accessLogs() {
        return accessLogs;
    }

    /** What the API front needs to know. */
    public static final class Props {
        private final IVpc vpc;
        private final SubnetSelection subnets;
        private final ApplicationListener listener;
        private final RemovalPolicy logRemovalPolicy;

        private Props(final Builder builder) {
            this.vpc = Objects.requireNonNull(builder.vpc, "vpc");
            this.subnets = Objects.requireNonNull(builder.subnets, "subnets");
            this.listener = Objects.requireNonNull(builder.listener, "listener");
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

        public ApplicationListener listener() {
            return listener;
        }

        public RemovalPolicy logRemovalPolicy() {
            return logRemovalPolicy;
        }

        public static final class Builder {
            private IVpc vpc;
            private SubnetSelection subnets;
            private ApplicationListener listener;
            private RemovalPolicy logRemovalPolicy = RemovalPolicy.RETAIN;

            private Builder() {}

            public Builder vpc(final IVpc vpc) {
                this.vpc = vpc;
                return this;
            }

            /** Where the VPC link's network interfaces go. */
            public Builder subnets(final SubnetSelection subnets) {
                this.subnets = subnets;
                return this;
            }

            /** The internal load balancer's listener that every route forwards to. */
            public Builder listener(final ApplicationListener listener) {
                this.listener = listener;
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
