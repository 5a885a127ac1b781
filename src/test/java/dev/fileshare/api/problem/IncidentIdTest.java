package dev.fileshare.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

class IncidentIdTest {

    @Test
    void theIncidentIdIsTheTraceIdOfTheCurrentSpan() {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
            Span span = tracing.get("test").spanBuilder("GET /files").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                assertThat(IncidentId.of(Span.current().getSpanContext()))
                        .isEqualTo(span.getSpanContext().getTraceId());
            } finally {
                span.end();
            }
        }
    }

    @Test
    void withoutASpanItIsRandomAndShapedLikeATraceId() {
        String one = IncidentId.of(SpanContext.getInvalid());
        String other = IncidentId.of(Span.current().getSpanContext());

        assertThat(one).matches("[0-9a-f]{32}").isNotEqualTo(other);
        assertThat(other).matches("[0-9a-f]{32}");
    }
}
