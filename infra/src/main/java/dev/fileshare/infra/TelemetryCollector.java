package dev.fileshare.infra;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The AWS Distro for OpenTelemetry collector as a sidecar of the service: the service sends its
 * traces and metrics over OTLP to localhost, the collector sends traces to X-Ray and metrics to
 * CloudWatch as embedded metric format (EMF) log events, from which CloudWatch extracts the metrics
 * named in {@link ServiceMetrics}. Both leave the VPC through interface endpoints (X-Ray, Logs).
 *
 * <p>Traces are sampled in the collector, after the fact: every trace with an error (a 5xx), every
 * slow one and a share of the rest go to X-Ray, so an incident id (the trace id) from a 5xx can be
 * followed while X-Ray's per-trace cost stays bounded. X-Ray takes the SDK's random W3C trace ids
 * as they are (the exporter no longer asks for a timestamp in them).
 */
public final class TelemetryCollector extends Construct {

    /** The collector's OTLP/HTTP port on the task's loopback interface. */
    public static final int OTLP_HTTP_PORT = 4318;

    static final String CONTAINER_NAME = "otel-collector";
    static final String CONFIG_VARIABLE = "COLLECTOR_CONFIG";
    static final int MEMORY_MIB = 256;
    static final int SAMPLED_PERCENT = 5;
    static final int SLOW_TRACE_MILLIS = 2000;

    private final LogGroup metricsLogGroup;
    private final Map<String, String> serviceEnvironment;

    public TelemetryCollector(final Construct scope, final String id, final Props props) {
        super(scope, id);

        // EMF log events: CloudWatch turns them into metrics; the events themselves need not stay long.
        metricsLogGroup = LogGroup.Builder.create(this, "Metrics")
                .retention(RetentionDays.ONE_WEEK)
                .removalPolicy(props.logRemovalPolicy())
                .build();
        metricsLogGroup.grantWrite(props.task().getTaskRole());
        // X-Ray's trace APIs have no resource-level permissions.
        props.task()
                .addToTaskRolePolicy(PolicyStatement.Builder.create()
                        .actions(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"))
                        .resources(List.of("*"))
                        .build());

        props.task()
                .addContainer(
                        CONTAINER_NAME,
                        ContainerDefinitionOptions.builder()
                                .image(ContainerImage.fromAsset(
                                        props.imageDirectory()
                                                .toAbsolutePath()
                                                .normalize()
                                                .toString(),
                                        AssetImageProps.builder()
                                                .platform(props.architecture().imagePlatform())
                                                .build()))
                                // The service keeps serving if the collector stops; it only loses telemetry.
                                .essential(false)
                                .memoryLimitMiB(MEMORY_MIB)
                                .command(List.of("--config=env:" + CONFIG_VARIABLE))
                                .environment(Map.of(
                                        CONFIG_VARIABLE,
                                        config(Stack.of(this).getRegion(), metricsLogGroup.getLogGroupName())))
                                .logging(props.logging())
                                .build());

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OTEL_SDK_DISABLED", "false");
        environment.put("OTEL_SERVICE_NAME", props.serviceName());
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:" + OTLP_HTTP_PORT);
        environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        environment.put("OTEL_TRACES_EXPORTER", "otlp");
        environment.put("OTEL_METRICS_EXPORTER", "otlp");
        // Logs go to stdout and CloudWatch Logs through the task's log driver, not through the collector.
        environment.put("OTEL_LOGS_EXPORTER", "none");
        // CloudWatch sums per period: deltas need no state in the collector across its restarts.
        environment.put("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "delta");
        serviceEnvironment = Collections.unmodifiableMap(environment);
    }

    /** What the service's container needs to send its telemetry here (OpenTelemetry SDK variables). */
    public Map<String, String> serviceEnvironment() {
        return serviceEnvironment;
    }

    public LogGroup metricsLogGroup() {
        return metricsLogGroup;
    }

    /**
     * The collector's configuration (YAML). Receivers listen on loopback only: nothing outside the
     * task can send to them. No batch processor before tail sampling, which needs a trace's spans together.
     */
    static String config(final String region, final String metricsLogGroup) {
        return """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                        endpoint: 127.0.0.1:4317
                      http:
                        endpoint: 127.0.0.1:%d
                processors:
                  memory_limiter:
                    check_interval: 1s
                    limit_percentage: 80
                    spike_limit_percentage: 20
                  tail_sampling:
                    decision_wait: 10s
                    num_traces: 50000
                    policies:
                      - name: errors
                        type: status_code
                        status_code:
                          status_codes: [ERROR]
                      - name: slow
                        type: latency
                        latency:
                          threshold_ms: %d
                      - name: share-of-the-rest
                        type: probabilistic
                        probabilistic:
                          sampling_percentage: %d
                  batch:
                    timeout: 5s
                exporters:
                  awsxray:
                    region: '%s'
                  awsemf:
                    region: '%s'
                    namespace: '%s'
                    log_group_name: '%s'
                    log_stream_name: '{TaskId}'
                    dimension_rollup_option: NoDimensionRollup
                    metric_declarations:
                %s
                service:
                  pipelines:
                    traces:
                      receivers: [otlp]
                      processors: [memory_limiter, tail_sampling, batch]
                      exporters: [awsxray]
                    metrics:
                      receivers: [otlp]
                      processors: [memory_limiter, batch]
                      exporters: [awsemf]
                """.formatted(
                        OTLP_HTTP_PORT,
                        SLOW_TRACE_MILLIS,
                        SAMPLED_PERCENT,
                        region,
                        region,
                        ServiceMetrics.NAMESPACE,
                        metricsLogGroup,
                        metricDeclarations());
    }

    /** One EMF declaration per metric of {@link ServiceMetrics}: its exact name and its dimension sets. */
    private static String metricDeclarations() {
        return ServiceMetrics.DIMENSIONS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(metric -> "      - dimensions: "
                        + metric.getValue().stream()
                                .map(set -> set.stream()
                                        .map(d -> "'" + d + "'")
                                        .collect(Collectors.joining(", ", "[", "]")))
                                .collect(Collectors.joining(", ", "[", "]"))
                        + "\n        metric_name_selectors: ['^"
                        + metric.getKey().replace(".", "\\.") + "$']")
                .collect(Collectors.joining("\n"));
    }

    /** What the collector needs to know. */
    public record Props(
            FargateTaskDefinition task,
            Path imageDirectory,
            Architecture architecture,
            String serviceName,
            LogDriver logging,
            RemovalPolicy logRemovalPolicy) {
        public Props {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(imageDirectory, "imageDirectory");
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(serviceName, "serviceName");
            Objects.requireNonNull(logging, "logging");
            Objects.requireNonNull(logRemovalPolicy, "logRemovalPolicy");
        }
    }
}
