package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The tus 1.0.0 framing of every {@code /uploads} exchange: each answer says {@code Tus-Resumable}, even one that
 * matched no method (a 415 or 405), and a request (but the version-discovering OPTIONS) of another protocol
 * version is refused with 412 and the version spoken.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class TusProtocol implements ContainerRequestFilter, ContainerResponseFilter {
    static final String VERSION = "1.0.0";
    static final String RESUMABLE = "Tus-Resumable";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!speaksTus(request) || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        String version = request.getHeaderString(RESUMABLE);
        if (!VERSION.equals(version == null ? null : version.trim())) {
            request.abortWith(ProblemResponses.of(Problem.of(
                            412,
                            "Precondition Failed",
                            "This server speaks tus " + VERSION + ": send Tus-Resumable: " + VERSION + "."))
                    .header("Tus-Version", VERSION)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (speaksTus(request)) {
            response.getHeaders().putSingle(RESUMABLE, VERSION);
        }
    }

    private static boolean speaksTus(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals("uploads") || relative.startsWith("uploads/");
    }
}
