package dev.fileshare.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** JAX-RS's own refusals (unknown path, wrong method, unsupported media type, ...) as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "request failed", e);
            return UnexpectedExceptionMapper.internalError();
        }
        Response.StatusType type = original.getStatusInfo();
        String detail = switch (status) {
            case 404 -> "There is no such resource.";
            case 405 -> "This resource does not answer that method.";
            case 406 -> "This resource cannot answer in a media type the Accept header allows.";
            case 415 -> "This resource does not accept that Content-Type.";
            default -> type.getReasonPhrase();
        };
        Response.ResponseBuilder builder = ProblemResponses.of(Problem.of(status, type.getReasonPhrase(), detail));
        String allow = original.getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }
}
