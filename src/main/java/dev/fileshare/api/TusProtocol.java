package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tus 1.0.0 framing of every {@code /uploads} exchange: each answer says {@code Tus-Resumable}, and a request
 * (but the version-discovering OPTIONS) of another protocol version is refused with 412 and the version spoken.
 */
@Provider
@TusProtocol.Spoken
@Priority(Priorities.AUTHENTICATION - 100)
public class TusProtocol implements ContainerRequestFilter, ContainerResponseFilter {
    static final String VERSION = "1.0.0";
    static final String RESUMABLE = "Tus-Resumable";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    /** Marks the resources that speak tus. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Spoken {}

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
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
        response.getHeaders().putSingle(RESUMABLE, VERSION);
    }
}
