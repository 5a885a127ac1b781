package dev.fileshare.api.problem;

import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.ChecksumMismatchException;
import dev.fileshare.core.model.ContentTooLargeException;
import dev.fileshare.core.model.FileExistsException;
import dev.fileshare.core.model.FileshareException;
import dev.fileshare.core.model.HashingBusyException;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.LinkGoneException;
import dev.fileshare.core.model.LinkPasswordException;
import dev.fileshare.core.model.NotAvailableException;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.QuotaExceededException;
import dev.fileshare.core.model.RangeNotSatisfiableException;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.TransferUrlGoneException;
import dev.fileshare.core.model.TransferUrlRefusedException;
import dev.fileshare.core.model.UploadConflictException;
import dev.fileshare.core.model.UsernameTakenException;
import dev.fileshare.core.model.WrongPasswordException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns a rule the client broke into its 4xx problem+json answer, a passed quota into a 507, and a busy password
 * hasher into a 503.
 */
@Provider
public class FileshareExceptionMapper implements ExceptionMapper<FileshareException> {
    /** What a public link with a password answers until the request carries it: a browser then asks for it. */
    public static final String LINK_CHALLENGE = "Basic realm=\"fileshare link\"";

    @Override
    public Response toResponse(FileshareException e) {
        return responseTo(e);
    }

    /** The answer to {@code e}, for a resource that needs it before returning (to log its status). */
    public static Response responseTo(FileshareException e) {
        if (e instanceof InvalidInputException invalid) {
            return ProblemResponses.of(Problem.invalid(invalid.getMessage(), invalid.errors()))
                    .build();
        }
        if (e instanceof AuthenticationException) {
            return ProblemResponses.of(problem(Status.UNAUTHORIZED, e))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build();
        }
        if (e instanceof LinkPasswordException) {
            return ProblemResponses.of(problem(Status.UNAUTHORIZED, e))
                    .header(HttpHeaders.WWW_AUTHENTICATE, LINK_CHALLENGE)
                    .build();
        }
        if (e instanceof TooManyLoginAttemptsException throttled) {
            return ProblemResponses.of(problem(Status.TOO_MANY_REQUESTS, e))
                    .header(HttpHeaders.RETRY_AFTER, throttled.retryAfter().toSeconds())
                    .build();
        }
        if (e instanceof HashingBusyException busy) {
            return ProblemResponses.of(problem(Status.SERVICE_UNAVAILABLE, e))
                    .header(HttpHeaders.RETRY_AFTER, busy.retryAfter().toSeconds())
                    .build();
        }
        if (e instanceof QuotaExceededException passed) {
            return ProblemResponses.of(Problem.quotaPassed(e.getMessage(), QuotaPassed.of(passed)))
                    .build();
        }
        if (e instanceof RangeNotSatisfiableException unsatisfiable) {
            return ProblemResponses.of(Problem.of(416, "Range Not Satisfiable", e.getMessage()))
                    .header("Content-Range", "bytes */" + unsatisfiable.size())
                    .build();
        }
        if (e instanceof ChecksumMismatchException) {
            // tus's own status for a chunk whose checksum does not match
            return ProblemResponses.of(Problem.of(460, "Checksum Mismatch", e.getMessage()))
                    .build();
        }
        Status status = e instanceof NotFoundException || e instanceof NotAvailableException
                ? Status.NOT_FOUND
                : e instanceof UsernameTakenException
                                || e instanceof UploadConflictException
                                || e instanceof FileExistsException
                        ? Status.CONFLICT
                        : e instanceof PreconditionFailedException
                                ? Status.PRECONDITION_FAILED
                                : e instanceof ContentTooLargeException
                                        ? Status.REQUEST_ENTITY_TOO_LARGE
                                        : e instanceof TransferUrlRefusedException
                                                        || e instanceof WrongPasswordException
                                                ? Status.FORBIDDEN
                                                : e instanceof TransferUrlGoneException
                                                                || e instanceof LinkGoneException
                                                        ? Status.GONE
                                                        : Status.BAD_REQUEST;
        return ProblemResponses.of(problem(status, e)).build();
    }

    private static Problem problem(Status status, FileshareException e) {
        String title = status == Status.REQUEST_ENTITY_TOO_LARGE ? "Content Too Large" : status.getReasonPhrase();
        return Problem.of(status.getStatusCode(), title, e.getMessage());
    }
}
