package dev.fileshare.config;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a store port so that each of its calls is a span ({@code UserStore.find}), a child of the request's span:
 * the trace shows which store calls a request made and how long each took. Arguments never become attributes
 * (they are usernames, file names and token hashes); a failure is recorded by its exception type only.
 */
final class TracedPorts {
    static final AttributeKey<String> STORE = AttributeKey.stringKey("fileshare.store");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private TracedPorts() {}

    /** {@code target}, with a span around each call of a method of {@code port}; {@code store} names the adapter. */
    static <T> T traced(Class<T> port, T target, String store, Tracer tracer) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "traced " + target;
                };
            }
            Span span = tracer.spanBuilder(port.getSimpleName() + "." + method.getName())
                    .setAttribute(STORE, store)
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                return invoke(target, method, args);
            } catch (Throwable failure) {
                span.setStatus(StatusCode.ERROR);
                span.setAttribute(ERROR_TYPE, failure.getClass().getName());
                throw failure;
            } finally {
                span.end();
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
