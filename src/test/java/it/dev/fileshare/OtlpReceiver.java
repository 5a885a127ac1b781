package it.dev.fileshare;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A minimal OTLP/HTTP receiver on 127.0.0.1: accepts protobuf POSTs to {@code /v1/traces} and {@code /v1/metrics}
 * (and {@code /v1/logs}, ignored), decodes them with the OTLP's own message types and keeps what arrived.
 */
final class OtlpReceiver implements AutoCloseable {
    private static final String PROTOBUF = "application/x-protobuf";

    private final HttpServer server;
    private final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
    private final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();

    OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(
                "/v1/traces",
                exchange -> receive(exchange, body -> traces.add(ExportTraceServiceRequest.parseFrom(body))));
        server.createContext(
                "/v1/metrics",
                exchange -> receive(exchange, body -> metrics.add(ExportMetricsServiceRequest.parseFrom(body))));
        server.createContext("/v1/logs", exchange -> receive(exchange, body -> {}));
        server.start();
    }

    /** Every span received so far. */
    List<Span> spans() {
        return traces.stream()
                .flatMap(request -> request.getResourceSpansList().stream())
                .flatMap(resource -> resource.getScopeSpansList().stream())
                .flatMap(scope -> scope.getSpansList().stream())
                .toList();
    }

    /** Every metric of every export received so far (one per export: the server sends cumulative values). */
    Stream<Metric> metrics() {
        return metrics.stream()
                .flatMap(request -> request.getResourceMetricsList().stream())
                .flatMap(resource -> resource.getScopeMetricsList().stream())
                .flatMap(scope -> scope.getMetricsList().stream());
    }

    private interface Body {
        void accept(byte[] body) throws IOException;
    }

    private static void receive(HttpExchange exchange, Body handler) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || type == null || !type.startsWith(PROTOBUF)) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            handler.accept(body);
            // An empty Export*ServiceResponse: everything accepted.
            exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
