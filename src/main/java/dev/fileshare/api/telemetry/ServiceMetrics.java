package dev.fileshare.api.telemetry;

import dev.fileshare.core.PasswordHasher;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The service's own metrics, each recorded twice in this one place: through OpenTelemetry, exported over OTLP
 * when an endpoint is configured, and through MicroProfile Metrics, which Liberty serves as Prometheus text at
 * {@code /metrics} without a collector. (Liberty's OpenTelemetry SDK has no Prometheus exporter, and its
 * MicroProfile Metrics do not reach OTLP.) Requests per route, their errors and durations are Liberty's own
 * {@code http.server.request.duration}, which reaches both.
 *
 * <p>No attribute names a user, a token or a file.
 */
@ApplicationScoped
public class ServiceMetrics {
    // The names the stack's CloudWatch export and dashboard select (infra's ServiceMetrics).
    static final String LOGINS = "fileshare.logins";
    static final String UPLOADED = "fileshare.uploaded";
    static final String DOWNLOADED = "fileshare.downloaded";
    static final String HASH_QUEUE_LENGTH = "fileshare.hash.queue.length";

    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

    @Inject
    Meter meter;

    @Inject
    MetricRegistry registry;

    @Inject
    PasswordHasher hasher;

    private Outcome succeeded;
    private Outcome failed;
    private Outcome throttled;
    private Bytes uploaded;
    private Bytes downloaded;

    @PostConstruct
    void create() {
        LongCounter logins = meter.counterBuilder(LOGINS)
                .setDescription("Logins by outcome: succeeded, failed (bad credentials), throttled (429)")
                .setUnit("{login}")
                .build();
        Metadata loginMetadata = Metadata.builder()
                .withName(LOGINS)
                .withDescription("Logins by outcome: succeeded, failed (bad credentials), throttled (429)")
                .build();
        succeeded = new Outcome(logins, registry, loginMetadata, "succeeded");
        failed = new Outcome(logins, registry, loginMetadata, "failed");
        throttled = new Outcome(logins, registry, loginMetadata, "throttled");
        uploaded = new Bytes(meter, registry, UPLOADED, "Bytes of file content stored by uploads");
        downloaded = new Bytes(meter, registry, DOWNLOADED, "Bytes of file content sent by downloads");
        String hashQueue = "Password hashes (Argon2id) waiting for a hashing slot";
        meter.gaugeBuilder(HASH_QUEUE_LENGTH)
                .ofLongs()
                .setDescription(hashQueue)
                .setUnit("{hash}")
                .buildWithCallback(gauge -> gauge.record(hasher.queueLength()));
        registry.gauge(
                Metadata.builder()
                        .withName(HASH_QUEUE_LENGTH)
                        .withDescription(hashQueue)
                        .build(),
                hasher,
                PasswordHasher::queueLength);
    }

    /** Creates the instruments at start-up, so that /metrics lists them before the first login. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // observing the event is enough: it instantiates this bean
    }

    public void loginSucceeded() {
        succeeded.add();
    }

    public void loginFailed() {
        failed.add();
    }

    public void loginThrottled() {
        throttled.add();
    }

    public void uploaded(long bytes) {
        uploaded.add(bytes);
    }

    public void downloaded(long bytes) {
        downloaded.add(bytes);
    }

    /** One outcome of {@code fileshare.logins} in both registries. */
    private static final class Outcome {
        private final LongCounter otel;
        private final Attributes attributes;
        private final Counter prometheus;

        Outcome(LongCounter otel, MetricRegistry registry, Metadata metadata, String outcome) {
            this.otel = otel;
            this.attributes = Attributes.of(OUTCOME, outcome);
            this.prometheus = registry.counter(metadata, new Tag(OUTCOME.getKey(), outcome));
        }

        void add() {
            otel.add(1, attributes);
            prometheus.inc();
        }
    }

    /** A byte counter in both registries. */
    private static final class Bytes {
        private final LongCounter otel;
        private final Counter prometheus;

        Bytes(Meter meter, MetricRegistry registry, String name, String description) {
            this.otel = meter.counterBuilder(name)
                    .setDescription(description)
                    .setUnit("By")
                    .build();
            this.prometheus = registry.counter(Metadata.builder()
                    .withName(name)
                    .withDescription(description)
                    .withUnit(MetricUnits.BYTES)
                    .build());
        }

        void add(long bytes) {
            if (bytes > 0) {
                otel.add(bytes);
                prometheus.inc(bytes);
            }
        }
    }
}
