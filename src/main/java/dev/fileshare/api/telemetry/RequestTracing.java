package dev.fileshare.api.telemetry;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ties each request to the span Liberty opened for it. The span loses the query's values (file names, usernames,
 * transfer URL signatures) and gains the templated route even when authentication refuses the request (Liberty
 * sets it only after the resource's filters passed); log records written while the request runs carry the trace
 * id ({@code ext_traceId} in JSON logs); the answer carries it in {@code traceresponse} (W3C Trace Context level
 * 2), which the access log records.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR - 100)
public class RequestTracing implements ContainerRequestFilter, ContainerResponseFilter {
    static final String TRACE_ID = "traceId";
    static final String TRACE_RESPONSE = "traceresponse";

    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Span span = Span.current();
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null) {
            span.setAttribute(URL_QUERY, parameterNames(query));
        }
        LogRecordContext.addExtension(TRACE_ID, context.getTraceId());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Span span = Span.current();
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return;
        }
        Method method = resource.getResourceMethod();
        if (method != null) {
            String route = ROUTES.computeIfAbsent(method, m -> route(resource.getResourceClass(), m));
            span.setAttribute(HTTP_ROUTE, route);
            span.updateName(request.getMethod() + " " + route);
        }
        response.getHeaders()
                .putSingle(
                        TRACE_RESPONSE,
                        "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                                + context.getTraceFlags().asHex());
        LogRecordContext.removeExtension(TRACE_ID);
    }

    /** {@code a=1&b=x%20y} as {@code a=&b=}: which parameters came, none of their values. */
    static String parameterNames(String rawQuery) {
        StringBuilder names = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (names.length() > 0) {
                names.append('&');
            }
            names.append(equals < 0 ? pair : pair.substring(0, equals)).append('=');
        }
        return names.toString();
    }

    /** The resource method's path template, e.g. {@code /file/download-url}. */
    static String route(Class<?> resourceClass, Method method) {
        String route = "/" + trim(template(classPath(resourceClass, method))) + "/"
                + trim(template(method.getAnnotation(Path.class)));
        route = route.replaceAll("/+", "/");
        return route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
    }

    /** The class's {@code @Path}, looked up past a CDI proxy's subclass. */
    private static Path classPath(Class<?> resourceClass, Method method) {
        for (Class<?> c = resourceClass; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return c.getAnnotation(Path.class);
            }
        }
        return method.getDeclaringClass().getAnnotation(Path.class);
    }

    private static String template(Path path) {
        return path == null ? "" : path.value();
    }

    private static String trim(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }
}
