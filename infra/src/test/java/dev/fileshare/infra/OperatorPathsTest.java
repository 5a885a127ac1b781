package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.list;
import static dev.fileshare.infra.Synthesis.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health that cannot take the fleet down: the load balancer checks liveness, not the deep readiness,
 * and the operators' endpoints (/health/*, /metrics) are not reachable from the internet: the
 * listener the API forwards to answers 404 for them itself.
 */
class OperatorPathsTest {

    private static Synthesis synthesis;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.of(Map.of());
    }

    @Test
    void theTargetGroupChecksLivenessOnTheContainerPort() {
        Map<String, Object> group = properties(synthesis.only("AWS::ElasticLoadBalancingV2::TargetGroup"));
        assertThat(group)
                .containsEntry("HealthCheckPath", "/health/live")
                .containsEntry("HealthCheckPort", "9080")
                .containsEntry("Port", 9080)
                .containsEntry("Protocol", "HTTP")
                .containsEntry("TargetType", "ip");
        // MicroProfile Health serves it whatever the stores say.
        assertThat(RepositoryFiles.read("server.xml")).contains("<feature>mpHealth-");
    }

    @Test
    void theListenerAnswers404ForEveryOperatorPathBeforeForwarding() {
        for (String path : List.of(
                "/health",
                "/health/ready",
                "/health/live",
                "/health/started",
                "/metrics",
                "/metrics/vendor",
                "//health/ready",
                "/files/../health/ready",
                "/./metrics")) {
            Optional<Map<String, Object>> rule = firstMatchingRule(path);
            assertThat(rule).as("a listener rule for %s", path).isPresent();
            Map<?, ?> action = (Map<?, ?>) list(rule.get().get("Actions")).get(0);
            assertThat(action.get("Type")).as(path).isEqualTo("fixed-response");
            Map<?, ?> response = (Map<?, ?>) action.get("FixedResponseConfig");
            assertThat(response.get("StatusCode")).isEqualTo("404");
            assertThat(response.get("ContentType")).isEqualTo("application/json");
            assertThat(String.valueOf(response.get("MessageBody"))).contains("\"status\":404");
        }
    }

    @Test
    void theServicesOwnPathsAreForwarded() {
        for (String path : List.of(
                "/register",
                "/login",
                "/logout",
                "/file",
                "/files",
                "/file/upload-url",
                "/file/download-url",
                "/share",
                "/shares",
                "/uploads",
                "/uploads/3f2a9c",
                "/transfer/abc",
                "/openapi",
                "/openapi/ui/index.html")) {
            assertThat(firstMatchingRule(path))
                    .as("no rule intercepts %s", path)
                    .isEmpty();
        }
        Map<String, Object> listener = properties(synthesis.only("AWS::ElasticLoadBalancingV2::Listener"));
        assertThat(((Map<?, ?>) list(listener.get("DefaultActions")).get(0)).get("Type"))
                .isEqualTo("forward");
    }

    /** The listener rule the ALB applies to a path: the lowest priority whose path pattern matches. */
    private static Optional<Map<String, Object>> firstMatchingRule(final String path) {
        return synthesis.resources("AWS::ElasticLoadBalancingV2::ListenerRule").values().stream()
                .map(Synthesis::properties)
                .sorted(Comparator.comparingInt(r -> ((Number) r.get("Priority")).intValue()))
                .filter(rule -> list(rule.get("Conditions")).stream()
                        .map(c -> (Map<?, ?>) c)
                        .filter(c -> "path-pattern".equals(c.get("Field")))
                        .flatMap(c -> list(((Map<?, ?>) c.get("PathPatternConfig")).get("Values")).stream())
                        .anyMatch(
                                pattern -> glob((String) pattern).matcher(path).matches()))
                .findFirst();
    }

    /** An ALB path pattern: case-sensitive, '*' any characters, '?' exactly one. */
    private static Pattern glob(final String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(
                    switch (c) {
                        case '*' -> ".*";
                        case '?' -> ".";
                        default -> Pattern.quote(String.valueOf(c));
                    });
        }
        return Pattern.compile(regex.toString());
    }
}
