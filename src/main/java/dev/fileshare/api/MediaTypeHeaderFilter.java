package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses unparseable {@code Accept} and {@code Content-Type} headers with a 400 before matching: the JAX-RS
 * runtime would otherwise fail on them with an exception that is no client error (e.g. {@code q=abc}).
 * A request without a Content-Type is taken as JSON.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class MediaTypeHeaderFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isBlank()) {
            for (String part : accept.split(",")) {
                if (!part.isBlank() && !isMediaRange(part.trim())) {
                    request.abortWith(refusal("Accept", "is not a list of media ranges with q values from 0 to 1"));
                    return;
                }
            }
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            // The original API read every body as JSON, and some of its clients send no Content-Type at all;
            // without this the runtime would take such a body for application/octet-stream.
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        } else if (parse(contentType.trim()) == null) {
            request.abortWith(refusal("Content-Type", "is not a media type"));
        }
    }

    /** One element of an {@code Accept} list: a media range, with a q value of at most three decimals in 0..1. */
    static boolean isMediaRange(String text) {
        MediaType type = parse(text);
        if (type == null) {
            return false;
        }
        String q = type.getParameters().get("q");
        if (q == null) {
            return true;
        }
        try {
            double weight = Double.parseDouble(q);
            return weight >= 0 && weight <= 1 && q.matches("[01](\\.\\d{0,3})?");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The media type {@code text} names, or null when it names none. */
    static MediaType parse(String text) {
        try {
            return MediaType.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response refusal(String header, String problem) {
        return ProblemResponses.of(Problem.invalid(
                        header + " " + problem + ".",
                        java.util.List.of(new dev.fileshare.core.model.FieldError(header, problem))))
                .build();
    }
}
