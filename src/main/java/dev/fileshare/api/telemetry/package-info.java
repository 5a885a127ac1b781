/**
 * What the service tells its operators: the request's span (route, status, the query's parameter names but never
 * their values), its trace id in log records and in {@code traceresponse}, and the service's own metrics (logins,
 * bytes, the password hash queue) in both OpenTelemetry and MicroProfile Metrics ({@code /metrics}).
 *
 * <p>May depend on {@code core} (the hasher's queue length), the OpenTelemetry API, MicroProfile Metrics, Jakarta
 * REST and CDI, and Liberty's {@code LogRecordContext}; never on {@code config} or a store adapter.
 */
package dev.fileshare.api.telemetry;
