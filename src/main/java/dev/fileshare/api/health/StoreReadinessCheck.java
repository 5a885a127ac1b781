package dev.fileshare.api.health;

import dev.fileshare.core.port.StoreHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every part of the configured store answers. */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    @Inject
    StoreHealth store;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("store").up();
        try {
            for (Map.Entry<String, Boolean> part : store.check().entrySet()) {
                response.withData(part.getKey(), part.getValue() ? "UP" : "DOWN");
                if (!part.getValue()) {
                    response.down();
                }
            }
        } catch (RuntimeException unreachable) {
            response.down().withData("error", unreachable.getClass().getSimpleName());
        }
        return response.build();
    }
}
