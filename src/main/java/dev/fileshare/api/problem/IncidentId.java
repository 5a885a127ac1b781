package dev.fileshare.api.problem;

import io.opentelemetry.api.trace.SpanContext;
import java.util.UUID;

/**
 * The id a 5xx answer and its log record share: the trace id of the request's span, so that an incident reported
 * by a client leads to the trace and every log line of the request; a random id of the same shape (32 hex digits)
 * only when there is no span.
 */
final class IncidentId {
    private IncidentId() {}

    static String of(SpanContext span) {
        return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString().replace("-", "");
    }
}
