package dev.fileshare.api;

import dev.fileshare.core.AccountDeletion;
import dev.fileshare.core.AccountService;
import dev.fileshare.core.FileService;
import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.SessionToken;
import dev.fileshare.core.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /account}: the caller's account, what it stores, its password, and its deletion. */
@Path("/account")
@ApplicationScoped
@Authenticated
@Tag(name = "accounts")
@SecurityRequirement(name = ApiDocs.SESSION)
@SecurityRequirement(name = ApiDocs.BEARER)
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    FileService files;

    @Inject
    AccountDeletion deletion;

    @Inject
    TrustedProxies proxies;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getAccount",
            summary = "The caller's account",
            description = "The username, when it registered, and how many files and bytes it stores; the quotas are "
                    + "null while none is set.")
    @APIResponse(
            responseCode = "200",
            description = "The account.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Account.class)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Account getAccount() {
        Username caller = SessionTokenFilter.callerOf(security);
        return Account.of(accounts.account(caller), files.usage(caller), files.quota());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "changePassword",
            summary = "Change the caller's password",
            description = "With the current password as proof. Every other session of the caller ends; the one of "
                    + "this request stays. The new password follows registration's rules. Wrong current passwords "
                    + "count as failed logins.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PasswordChange.class)))
    @APIResponse(responseCode = "204", description = "Changed; every other session ended.")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.WRONG_PASSWORD)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.TOO_MANY_REQUESTS)
    public Response changePassword(
            PasswordChange change, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        SessionToken token = SessionTokens.sent(headers)
                .flatMap(SessionTokens::wellFormed)
                .orElseThrow(() -> new AuthenticationException("Send the session token."));
        accounts.changePassword(
                SessionTokenFilter.callerOf(security),
                token,
                change.currentPassword(),
                change.newPassword(),
                proxies.clientOf(request));
        return Response.noContent().build();
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "deleteAccount",
            summary = "Delete the caller's account",
            description = "With the password as proof. The caller's files go, with their shares and public links, "
                    + "and so do the shares of others' files with the caller and every session of the caller: "
                    + "nothing of the account can be read afterwards. The username is never registered again, so "
                    + "that nothing left under it (an upload through a URL issued before) can reach a new user. "
                    + "Wrong passwords count as failed logins.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeleteAccountRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "confirm",
                                            value = "{\"password\": \"correct horse battery staple\"}")))
    @APIResponse(responseCode = "204", description = "Deleted, with everything of it; every session ended.")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.WRONG_PASSWORD)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.TOO_MANY_REQUESTS)
    public Response deleteAccount(DeleteAccountRequest request, @Context HttpServletRequest http) throws IOException {
        deletion.delete(SessionTokenFilter.callerOf(security), request.password(), proxies.clientOf(http));
        return Response.noContent().build();
    }
}
