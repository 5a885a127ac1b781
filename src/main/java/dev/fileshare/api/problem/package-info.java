/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): the {@code Problem} record, its
 * examples in the contract, and the exception mappers that give every failure that shape (4xx for the client's
 * mistakes, a 500 with only an id for the server's: the trace id of the request, which leads to its trace and logs).
 *
 * <p>May depend on {@code core.model} (the core's exceptions) and on Jakarta REST, JSON-P, MicroProfile
 * OpenAPI and the OpenTelemetry API (the current span); never on the rest of {@code api}, on {@code config} or on a store adapter.
 */
package dev.fileshare.api.problem;
