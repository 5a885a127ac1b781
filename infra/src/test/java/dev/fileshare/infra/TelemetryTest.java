package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metrics and traces: the service exports OTLP to the AWS Distro for OpenTelemetry collector beside
 * it, which sends traces to X-Ray and the metrics named in {@link ServiceMetrics} to CloudWatch; the
 * collector's image comes from the account's own ECR, as the tasks have no internet route.
 */
class TelemetryTest {

    private static Synthesis synthesis;
    private static Map<String, Object> collector;
    private static String config;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Map.of());
        collector = synthesis.containers().get(TelemetryCollector.CONTAINER_NAME);
        assertThat(collector).as("the collector sidecar").isNotNull();
        config = rendered(
                synthesis.environment(TelemetryCollector.CONTAINER_NAME).get("COLLECTOR_CONFIG"));
    }

    @Test
    void theServiceExportsOtlpToTheCollectorOnTheTasksLoopback() {
        Map<String, Object> environment = synthesis.environment("fileshare");
        assertThat(environment)
                .containsEntry("OTEL_SDK_DISABLED", "false")
                .containsEntry("OTEL_SERVICE_NAME", "fileshare");
        URI endpoint = URI.create((String) environment.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
        assertThat(endpoint.getHost()).isEqualTo("localhost");
        String protocol = (String) environment.getOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
        String receiver = protocol.equals("grpc") ? "grpc" : "http";
        Matcher listen = Pattern.compile(receiver + ":\\s*\\n\\s*endpoint:\\s*127\\.0\\.0\\.1:(\\d+)")
                .matcher(config);
        assertThat(listen.find())
                .as("the collector's %s receiver on loopback", receiver)
                .isTrue();
        assertThat(Integer.parseInt(listen.group(1))).isEqualTo(endpoint.getPort());
        assertThat(config).doesNotContain("0.0.0.0");
    }

    @Test
    void theServiceInstrumentsEveryOwnMetricTheStackExportsUnderTheSameName() {
        // The service's own instruments (the request duration is Liberty's); a renamed one would leave a
        // dashboard graph and its CloudWatch export empty.
        String instruments = RepositoryFiles.read("src/main/java/dev/fileshare/api/telemetry/ServiceMetrics.java");
        for (String metric : List.of(
                ServiceMetrics.LOGINS,
                ServiceMetrics.UPLOADED,
                ServiceMetrics.DOWNLOADED,
                ServiceMetrics.HASH_QUEUE_LENGTH)) {
            assertThat(instruments).as("the service's instrument %s", metric).contains("\"" + metric + "\"");
        }
        for (String outcome : ServiceMetrics.LOGIN_OUTCOMES) {
            assertThat(instruments).contains("\"" + outcome + "\"");
        }
        assertThat(instruments).contains("\"" + ServiceMetrics.OUTCOME + "\"");
    }

    @Test
    void theCollectorSendsTracesToXRayAndTheServicesMetricsToCloudWatch() {
        assertThat(config)
                .contains("exporters: [awsxray]")
                .contains("exporters: [awsemf]")
                .contains("namespace: '" + ServiceMetrics.NAMESPACE + "'")
                .contains("log_group_name: '${Ref:"
                        + synthesis.logicalId(
                                synthesis.stack().serviceCluster().telemetry().metricsLogGroup())
                        + "}'");
        for (String metric : ServiceMetrics.DIMENSIONS.keySet()) {
            assertThat(config).contains("'^" + metric.replace(".", "\\.") + "$'");
        }
        // Every trace with an error is kept, so a 5xx's incident (trace) id can be followed.
        assertThat(config).containsPattern("status_code:\\s*\\n\\s*status_codes: \\[ERROR\\]");
    }

    @Test
    void theCollectorIsASidecarWhoseImageIsInTheAccountsOwnRegistry() {
        assertThat(collector.get("Essential")).isEqualTo(false);
        assertThat(collector.get("Command")).isEqualTo(List.of("--config=env:COLLECTOR_CONFIG"));
        // Built by cdk deploy and pushed to the bootstrap's ECR repository, reached through the ECR endpoints.
        assertThat(String.valueOf(collector.get("Image")))
                .contains(".dkr.ecr.")
                .contains("container-assets")
                .doesNotContain("public.ecr.aws");
        DockerfileInstructions dockerfile =
                DockerfileInstructions.parse(RepositoryFiles.read("infra/collector/Dockerfile"));
        assertThat(dockerfile.named("FROM"))
                .singleElement()
                .satisfies(
                        from -> assertThat(from.operands().get(0))
                                .matches(
                                        "public\\.ecr\\.aws/aws-observability/aws-otel-collector:v[0-9.]+@sha256:[0-9a-f]{64}"));
    }

    /** An intrinsic string as text: Fn::Join parts joined, a Ref as ${Ref:id}. */
    private static String rendered(final Object value) {
        if (value instanceof String s) {
            return s;
        }
        Map<?, ?> function = (Map<?, ?>) value;
        if (function.containsKey("Fn::Join")) {
            List<?> join = (List<?>) function.get("Fn::Join");
            StringBuilder out = new StringBuilder();
            for (Object part : (List<?>) join.get(1)) {
                out.append(rendered(part));
            }
            return out.toString();
        }
        if (function.containsKey("Ref")) {
            return "${Ref:" + function.get("Ref") + "}";
        }
        return String.valueOf(value);
    }
}
