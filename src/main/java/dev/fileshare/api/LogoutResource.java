package dev.fileshare.api;

import dev.fileshare.core.AccountService;
import dev.fileshare.core.model.AuthenticationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /logout}: ends the session whose token the request carries. */
@Path("/logout")
@ApplicationScoped
@NoStore
@Tag(name = "accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class LogoutResource {

    @Inject
    AccountService accounts;

    @POST
    @Operation(
            operationId = "logout",
            summary = "End the session",
            description =
                    "The token stops working: at once on the server that answers, and on every other server of the "
                            + "deployment within `fileshare.session.cache-fresh-for` (5 s by default). An unknown or "
                            + "expired token also gets 200: logging out is idempotent.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "Logged out.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Empty.class)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Empty logout(@Context HttpHeaders headers) {
        String sent = SessionTokens.sent(headers)
                .orElseThrow(() -> new AuthenticationException(
                        "Send the session token to end: x-session-token or Authorization: Bearer."));
        SessionTokens.wellFormed(sent).ifPresent(accounts::logout);
        return Empty.INSTANCE;
    }
}
