package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemExamples;
import dev.fileshare.api.telemetry.ServiceMetrics;
import dev.fileshare.core.AccountService;
import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.LoginSession;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /login}: checks the credentials and opens a session. */
@Path("/login")
@ApplicationScoped
@NoStore
@Tag(name = "accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class LoginResource {

    @Inject
    AccountService accounts;

    @Inject
    TrustedProxies proxies;

    @Inject
    ServiceMetrics metrics;

    @POST
    @SecurityRequirements // none: logging in is how a client gets a session
    @Operation(
            operationId = "login",
            summary = "Log in and get a session token",
            description =
                    "Failed logins are limited per username and client address, per username and per client address "
                            + "within a window (by default 5, 100 and 100 in 15 minutes); past a limit, answers 429 "
                            + "with Retry-After until that window ends. A successful login clears its username's "
                            + "failures from that address.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Credentials.class)))
    @APIResponse(
            responseCode = "200",
            description = "Logged in.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(
            responseCode = "401",
            description = "Unknown username or wrong password (one answer for both).",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = ProblemExamples.BAD_CREDENTIALS))
    @APIResponse(responseCode = "408", ref = ApiDocs.REQUEST_TIMEOUT)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.TOO_MANY_REQUESTS)
    @APIResponse(responseCode = "503", ref = ApiDocs.SERVICE_UNAVAILABLE)
    public LoginResponse login(Credentials credentials, @Context HttpServletRequest request) {
        LoginSession session;
        try {
            session = accounts.login(credentials.username(), credentials.password(), proxies.clientOf(request));
        } catch (AuthenticationException e) {
            metrics.loginFailed();
            throw e;
        } catch (TooManyLoginAttemptsException e) {
            metrics.loginThrottled();
            throw e;
        }
        metrics.loginSucceeded();
        return new LoginResponse(session.token().value(), session.expiresAt());
    }
}
