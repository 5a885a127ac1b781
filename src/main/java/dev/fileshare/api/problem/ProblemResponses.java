package dev.fileshare.api.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses, the one shape every error of the service takes. */
public final class ProblemResponses {
    private ProblemResponses() {}

    public static Response.ResponseBuilder of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    public static Response of(Response.Status status, String detail) {
        return of(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail))
                .build();
    }
}
