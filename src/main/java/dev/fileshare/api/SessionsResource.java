package dev.fileshare.api;

import dev.fileshare.core.AccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code DELETE /sessions}: logs the caller out everywhere. */
@Path("/sessions")
@ApplicationScoped
@Authenticated
@Tag(name = "accounts")
@SecurityRequirement(name = ApiDocs.SESSION)
@SecurityRequirement(name = ApiDocs.BEARER)
public class SessionsResource {

    @Inject
    AccountService accounts;

    @Context
    SecurityContext security;

    @DELETE
    @Operation(
            operationId = "logoutEverywhere",
            summary = "End every session of the caller",
            description = "Every token of the caller stops working, the one of this request included: log out "
                    + "everywhere, as after losing a device. At once on the server that answers, and on every other "
                    + "server of the deployment within `fileshare.session.cache-fresh-for` (5 s by default).")
    @APIResponse(responseCode = "204", description = "Every session ended.")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Response logoutEverywhere() {
        accounts.logoutEverywhere(SessionTokenFilter.callerOf(security));
        return Response.noContent().build();
    }
}
