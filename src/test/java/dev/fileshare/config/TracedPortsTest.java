package dev.fileshare.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.core.port.UserStore;
import dev.fileshare.store.local.LocalStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spans around the real local store's calls, recorded by the OpenTelemetry SDK. */
class TracedPortsTest {
    @TempDir
    Path dataDir;

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private SdkTracerProvider tracing;
    private Tracer tracer;
    private Stores stores;

    @BeforeEach
    void open() {
        tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
                .build();
        tracer = tracing.get("test");
        stores = LocalStore.open(dataDir, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        stores.close();
        tracing.close();
    }

    @Test
    void eachCallIsAChildSpanNamedAfterThePortAndMethodWithoutItsArguments() {
        UserStore users = TracedPorts.traced(UserStore.class, stores.users(), "local", tracer);
        Span request = tracer.spanBuilder("POST /register").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            assertThat(users.createIfAbsent(new UserAccount(new Username("alice"), "$argon2id$x", Instant.EPOCH)))
                    .isTrue();
            assertThat(users.exists(new Username("alice"))).isTrue();
        } finally {
            request.end();
        }

        assertThat(ended)
                .extracting(SpanData::getName)
                .containsExactly("UserStore.createIfAbsent", "UserStore.exists", "POST /register");
        SpanData create = ended.get(0);
        assertThat(create.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(create.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(create.getAttributes().get(TracedPorts.STORE)).isEqualTo("local");
        assertThat(create.getAttributes().asMap().values())
                .noneMatch(v -> v.toString().contains("alice"));
        assertThat(create.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aFailedCallEndsItsSpanInErrorAndThrowsWhatTheAdapterThrew() {
        stores.close(); // the database is closed: the adapter fails
        UserStore users = TracedPorts.traced(UserStore.class, stores.users(), "local", tracer);

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> users.find(new Username("bob")));
        assertThat(thrown).isNotNull().isNotInstanceOf(java.lang.reflect.UndeclaredThrowableException.class);
        assertThat(ended).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("UserStore.find");
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getAttributes().get(TracedPorts.ERROR_TYPE))
                    .isEqualTo(thrown.getClass().getName());
        });
        stores = LocalStore.open(dataDir, Clock.systemUTC()); // for close()
    }

    @Test
    void objectMethodsAreNotTraced() {
        UserStore users = TracedPorts.traced(UserStore.class, stores.users(), "local", tracer);

        assertThat(users.equals(users)).isTrue();
        assertThat(users.equals(stores.users())).isFalse();
        assertThat(users.hashCode()).isEqualTo(users.hashCode());
        assertThat(users.toString()).startsWith("traced ");
        assertThat(ended).isEmpty();
    }

    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            ended.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
