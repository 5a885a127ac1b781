package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.list;
import static dev.fileshare.infra.Synthesis.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive that outlasts the load balancer: Liberty keeps an idle connection (server.xml
 * httpOptions persistTimeout) longer than the ALB does (idle_timeout.timeout_seconds), both set
 * explicitly, so the ALB never reuses a connection Liberty has already closed (a 502).
 */
class KeepAliveTest {

    @Test
    void libertyKeepsIdleConnectionsLongerThanTheLoadBalancer() {
        Duration liberty = persistTimeout(RepositoryFiles.read("server.xml"));
        Duration loadBalancer = loadBalancerIdleTimeout(Synthesis.of(Map.of()));

        assertThat(liberty).isGreaterThan(loadBalancer);
        // Not by a hair: the two clocks start at slightly different moments.
        assertThat(liberty.minus(loadBalancer)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    private static Duration persistTimeout(final String serverXml) {
        Matcher options = Pattern.compile("<httpOptions\\b[^>]*>").matcher(serverXml);
        assertThat(options.find()).as("server.xml has httpOptions").isTrue();
        Matcher timeout = Pattern.compile("persistTimeout=\"([^\"]+)\"").matcher(options.group());
        assertThat(timeout.find()).as("persistTimeout is set explicitly").isTrue();
        return libertyDuration(timeout.group(1));
    }

    private static Duration loadBalancerIdleTimeout(final Synthesis synthesis) {
        Map<String, Object> balancer = properties(synthesis.only("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        String seconds = list(balancer.get("LoadBalancerAttributes")).stream()
                .map(a -> (Map<?, ?>) a)
                .filter(a -> "idle_timeout.timeout_seconds".equals(a.get("Key")))
                .map(a -> (String) a.get("Value"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the ALB's idle timeout is set explicitly"));
        return Duration.ofSeconds(Long.parseLong(seconds));
    }

    /** Liberty's duration syntax as server.xml uses it: a number with h, m, s or ms (several may follow). */
    static Duration libertyDuration(final String text) {
        Matcher part = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(text.trim().toLowerCase(Locale.ROOT));
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "s" -> Duration.ofSeconds(n);
                        default -> Duration.ofMillis(n);
                    });
            end = part.end();
        }
        assertThat(end)
                .as("a Liberty duration: %s", text)
                .isEqualTo(text.trim().length())
                .isPositive();
        return total;
    }
}
