package dev.fileshare.infra;

import java.util.List;
import java.util.Map;

/**
 * The service's own metrics as the stack expects them: the one list of their names and attributes,
 * which the collector's CloudWatch (EMF) export, the dashboard and the service's instrumentation must
 * agree on. Names are OpenTelemetry instrument names; the service's Prometheus endpoint (/metrics)
 * shows them in Prometheus form (dots become underscores, the unit and _total are appended), given
 * here with each.
 */
public final class ServiceMetrics {

    /** The CloudWatch namespace the collector writes the service's metrics to. */
    public static final String NAMESPACE = "fileshare";

    /**
     * Histogram, seconds, one per request (OpenTelemetry HTTP semantic conventions), with the route
     * template, the method and the status code; Prometheus: http_server_request_duration_seconds.
     * Rate, errors and duration per route all come from it.
     */
    public static final String REQUEST_DURATION = "http.server.request.duration";

    public static final String ROUTE = "http.route";
    public static final String METHOD = "http.request.method";
    public static final String STATUS_CODE = "http.response.status_code";

    /** Counter of login attempts by {@link #OUTCOME}; Prometheus: fileshare_logins_total. */
    public static final String LOGINS = "fileshare.logins";

    /** Attribute of {@link #LOGINS}: one of {@link #LOGIN_OUTCOMES}. */
    public static final String OUTCOME = "outcome";

    public static final List<String> LOGIN_OUTCOMES = List.of("succeeded", "failed", "throttled");

    /** Counter, bytes of file content received; Prometheus: fileshare_uploaded_bytes_total. */
    public static final String UPLOADED = "fileshare.uploaded";

    /** Counter, bytes of file content sent; Prometheus: fileshare_downloaded_bytes_total. */
    public static final String DOWNLOADED = "fileshare.downloaded";

    /** Gauge, password hashes waiting for a hashing thread; Prometheus: fileshare_hash_queue_length. */
    public static final String HASH_QUEUE_LENGTH = "fileshare.hash.queue.length";

    /**
     * The dimension sets CloudWatch keeps for each metric. Any other attribute is dropped on export,
     * which keeps the number of CloudWatch metrics (each one billed) bounded.
     */
    static final Map<String, List<List<String>>> DIMENSIONS = Map.of(
            REQUEST_DURATION, List.of(List.of(ROUTE, METHOD), List.of(ROUTE, STATUS_CODE)),
            LOGINS, List.of(List.of(OUTCOME)),
            UPLOADED, List.of(List.of()),
            DOWNLOADED, List.of(List.of()),
            HASH_QUEUE_LENGTH, List.of(List.of()));

    private ServiceMetrics() {}
}
