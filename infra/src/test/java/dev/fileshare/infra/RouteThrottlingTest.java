package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /login, POST /register and PUT /account/password, a password hash each (or two), are throttled apart and
 * lower than the stage.
 */
class RouteThrottlingTest {

    @Test
    void eachRouteThatHashesAPasswordHasItsOwnLowerThrottleToTheSameService() {
        Synthesis synthesis = Synthesis.of(Map.of());
        Map<String, Map<String, Object>> routes = synthesis.resources("AWS::ApiGatewayV2::Route");
        Object serviceTarget = routeTarget(routes, "$default");
        Map<String, Object> stage = synthesis.only("AWS::ApiGatewayV2::Stage");
        Map<?, ?> stageDefaults = (Map<?, ?>) properties(stage).get("DefaultRouteSettings");
        Map<?, ?> routeSettings = (Map<?, ?>) properties(stage).get("RouteSettings");

        for (String key : new String[] {"POST /login", "POST /register", "PUT /account/password"}) {
            assertThat(routeTarget(routes, key)).as(key).isEqualTo(serviceTarget);
            Map<?, ?> throttle = (Map<?, ?>) routeSettings.get(key);
            assertThat(throttle).as("route settings of %s", key).isNotNull();
            assertThat(((Number) throttle.get("ThrottlingRateLimit")).doubleValue())
                    .isPositive()
                    .isLessThan(((Number) stageDefaults.get("ThrottlingRateLimit")).doubleValue());
            assertThat(((Number) throttle.get("ThrottlingBurstLimit")).intValue())
                    .isPositive()
                    .isLessThan(((Number) stageDefaults.get("ThrottlingBurstLimit")).intValue());
            // The stage may name a route only once it exists.
            String routeId = routes.entrySet().stream()
                    .filter(e -> key.equals(properties(e.getValue()).get("RouteKey")))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
            assertThat(Synthesis.strings(stage.get("DependsOn"))).contains(routeId);
        }
    }

    private static Object routeTarget(final Map<String, Map<String, Object>> routes, final String key) {
        return routes.values().stream()
                .map(Synthesis::properties)
                .filter(r -> key.equals(r.get("RouteKey")))
                .map(r -> r.get("Target"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no route " + key));
    }
}
