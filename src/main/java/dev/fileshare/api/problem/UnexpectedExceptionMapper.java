package dev.fileshare.api.problem;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fault of the server: logged with an id (the trace id), answered with that id and nothing internal. Only
 * exceptions: an {@link Error} (out of memory, stack overflow) is left to the container and the JVM, which exits on
 * OutOfMemoryError (jvm.options) rather than limp on with a heap that failed anywhere.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        String incident = IncidentId.of(Span.current().getSpanContext());
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return ProblemResponses.of(Problem.of(
                        500,
                        "Internal Server Error",
                        "The server failed to answer this request (incident " + incident + ")."))
                .build();
    }

    static Response internalError() {
        return ProblemResponses.of(Response.Status.INTERNAL_SERVER_ERROR, "The server failed to answer this request.");
    }
}
