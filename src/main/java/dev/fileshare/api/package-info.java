/**
 * The HTTP face of the service: JAX-RS resources (one per path), their request and response records, the
 * session-token filter, the OpenAPI annotations of the published contract, and the streaming of uploads and
 * downloads. It turns HTTP into calls of the core's services and their answers back into HTTP.
 *
 * <p>May depend on {@code core}, {@code core.model} and {@code core.port}, on its own {@code api.problem}, and on
 * Jakarta REST, JSON-B/JSON-P, CDI, MicroProfile OpenAPI and Caffeine; never on {@code config} or a store adapter.
 */
package dev.fileshare.api;
