package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Holds every request body to the {@link BodyDeadline}, whoever reads it (an upload, a transfer URL's PUT, the
 * JSON of a login), and answers 408 when it was cut off, whatever the reader made of the failure (a short body,
 * unparseable JSON). The connection is closed with it: the rest of the body will not be read.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class BodyDeadlineFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String BODY = PacedBody.class.getName();

    @Inject
    BodyDeadline deadline;

    @Override
    public void filter(ContainerRequestContext request) {
        PacedBody body = new PacedBody(request.getEntityStream(), deadline, System::nanoTime);
        request.setEntityStream(body);
        request.setProperty(BODY, body);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(BODY) instanceof PacedBody body && body.cutOff()) {
            Problem problem = Problem.of(
                    Response.Status.REQUEST_TIMEOUT.getStatusCode(),
                    Response.Status.REQUEST_TIMEOUT.getReasonPhrase(),
                    BodyTooSlowException.message(deadline));
            response.setStatus(problem.status());
            response.getHeaders().clear();
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.getHeaders().putSingle("Connection", "close");
            response.setEntity(problem);
        }
    }
}
