package dev.fileshare.api.problem;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A fault of the server: logged with an id (the trace id), answered with that id and nothing internal. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
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
