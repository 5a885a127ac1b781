package dev.fileshare.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpAlbIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpAlbIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
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
 * load balancer. Its default stage throttles and writes an access log; {@code POST /login},
 * {@code POST /register} and {@code PUT /account/password}, which cost the service a password hash each (or
 * two), are routes of their own with a lower throttle. Authentication stays in the service (session tokens), as in the original API.
 * With browser origins configured, the API answers CORS preflights itself; without, it has no CORS.
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

    /** What a browser on an allowed origin may send: the session headers, conditions, ranges and tus. */
    static final List<String> CORS_ALLOWED_HEADERS = List.of(
            "x-session-token",
            "Authorization",
            "Content-Type",
            "If-Match",
            "If-None-Match",
            "Range",
            "Upload-Length",
            "Upload-Offset",
            "Upload-Metadata",
            "Tus-Resumable",
            "Upload-Checksum",
            "Repr-Digest",
            "Content-Digest");

    /** Response headers a browser script may read besides the CORS-safelisted ones. */
    static final List<String> CORS_EXPOSED_HEADERS = List.of(
            "ETag",
            "Content-Disposition",
            "Location",
            "Upload-Offset",
            "Upload-Length",
            "Tus-Resumable",
            "Repr-Digest");

    /** Steady-state requests per second for the whole stage. */
    private static final double RATE_LIMIT = 500;
    /** Burst bucket size. */
    private static final int BURST_LIMIT = 1000;
    // A login or a registration costs the service an Argon2id hash (~20 MiB, tens of ms of CPU): account-wide
    // limits of their own, below the stage's.
    private static final ThrottleSettings LOGIN_THROTTLE =
            ThrottleSettings.builder().rateLimit(20).burstLimit(40).build();
    private static final ThrottleSettings REGISTER_THROTTLE =
            ThrottleSettings.builder().rateLimit(5).burstLimit(10).build();

    private final HttpApi api;
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

        HttpAlbIntegration service = new HttpAlbIntegration(
                "Service",
                props.listener(),
                HttpAlbIntegrationProps.builder().vpcLink(link).build());
        HttpApi.Builder apiBuilder = HttpApi.Builder.create(this, "Api")
                .description("fileshare: file-sharing REST API")
                .defaultIntegration(service)
                // The stage is declared below, with throttling and an access log.
                .createDefaultStage(false);
        if (!props.corsOrigins().isEmpty()) {
            apiBuilder.corsPreflight(CorsPreflightOptions.builder()
                    .allowOrigins(props.corsOrigins())
                    .allowMethods(List.of(
                            CorsHttpMethod.GET,
                            CorsHttpMethod.HEAD,
                            CorsHttpMethod.PUT,
                            CorsHttpMethod.POST,
                            CorsHttpMethod.PATCH,
                            CorsHttpMethod.DELETE))
                    .allowHeaders(CORS_ALLOWED_HEADERS)
                    .exposeHeaders(CORS_EXPOSED_HEADERS)
                    // Sessions travel in headers, never in cookies.
                    .allowCredentials(false)
                    .maxAge(Duration.hours(1))
                    .build());
        }
        api = apiBuilder.build();
        // Routes of their own (by route key, "METHOD /path"), so that the stage can throttle them apart from the
        // $default route. A password change proves the old password and hashes the new one: a login's limits.
        Map<String, ThrottleSettings> routeThrottles = new LinkedHashMap<>();
        routeThrottles.put("POST /login", LOGIN_THROTTLE);
        routeThrottles.put("POST /register", REGISTER_THROTTLE);
        routeThrottles.put("PUT /account/password", LOGIN_THROTTLE);
        List<HttpRoute> throttledRoutes = routeThrottles.keySet().stream()
                .flatMap(routeKey -> api
                        .addRoutes(AddRoutesOptions.builder()
                                .path(routeKey.substring(routeKey.indexOf(' ') + 1))
                                .methods(List.of(HttpMethod.valueOf(routeKey.substring(0, routeKey.indexOf(' ')))))
                                .integration(service)
                                .build())
                        .stream())
                .toList();
        NagSuppressions.addResourceSuppressions(
                api,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-APIG4")
                        .reason("The service authenticates requests itself (x-session-token / Bearer session "
                                + "tokens, stored hashed in DynamoDB); /register, /login and /openapi must stay "
                                + "open, as in the original API. A gateway authorizer would duplicate the session "
                                + "check on every request.")
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
        Map<String, Object> routeSettings = new LinkedHashMap<>();
        routeThrottles.forEach((routeKey, limit) -> routeSettings.put(
                routeKey,
                Map.of("ThrottlingRateLimit", limit.getRateLimit(), "ThrottlingBurstLimit", limit.getBurstLimit())));
        // HttpStage has no per-route settings; CfnStage has. A route must exist before a setting names it.
        ((CfnStage) stage.getNode().getDefaultChild()).addPropertyOverride("RouteSettings", routeSettings);
        throttledRoutes.forEach(route -> stage.getNode().addDependency(route));
    }

    /** The API's base URL, ending in "/". */
    public String url() {
        return stage.getUrl();
    }

    public HttpApi api() {
        return api;
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
        private final List<String> corsOrigins;

        private Props(final Builder builder) {
            this.vpc = Objects.requireNonNull(builder.vpc, "vpc");
            this.subnets = Objects.requireNonNull(builder.subnets, "subnets");
            this.listener = Objects.requireNonNull(builder.listener, "listener");
            this.logRemovalPolicy = Objects.requireNonNull(builder.logRemovalPolicy, "logRemovalPolicy");
            this.corsOrigins = List.copyOf(Objects.requireNonNull(builder.corsOrigins, "corsOrigins"));
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

        public List<String> corsOrigins() {
            return corsOrigins;
        }

        public static final class Builder {
            private IVpc vpc;
            private SubnetSelection subnets;
            private ApplicationListener listener;
            private RemovalPolicy logRemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;
            private List<String> corsOrigins = List.of();

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

            /** Browser origins allowed to call the API (CORS); default none: no CORS configuration. */
            public Builder corsOrigins(final List<String> origins) {
                this.corsOrigins = origins;
                return this;
            }

            public Props build() {
                return new Props(this);
            }
        }
    }
}
