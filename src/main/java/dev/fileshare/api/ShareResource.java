package dev.fileshare.api;

import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/share")
@ApplicationScoped
@Authenticated
@Tag(name = "sharing")
public class ShareResource {

    @Inject
    FileService files;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "shareFile",
            summary = "Share one of the caller's files with another user",
            description = "Sharing again is a no-op.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShareRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Shared.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Empty.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "408", ref = ApiDocs.REQUEST_TIMEOUT)
    public Empty shareFile(ShareRequest request) {
        FileName name = FileName.parse("file_name", request.fileName());
        Username grantee = Username.parse("username", request.username());
        files.share(SessionTokenFilter.callerOf(security), name, grantee);
        return Empty.INSTANCE;
    }

    @DELETE
    @Operation(
            operationId = "revokeShare",
            summary = "Stop sharing one of the caller's files with a user",
            description = "Revoking a share that does not exist is a no-op.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "204", description = "Not shared with that user any more.")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response revokeShare(
            @Parameter(
                            description = "The caller's file: " + ApiDocs.FILE_NAME_RULE,
                            required = true,
                            example = "notes.txt")
                    @QueryParam("file_name")
                    String fileName,
            @Parameter(description = "The user to stop sharing with.", required = true, example = "bob")
                    @QueryParam("username")
                    String username) {
        FileName name = FileName.parse("file_name", fileName);
        Username grantee = Username.parse("username", username);
        files.revoke(SessionTokenFilter.callerOf(security), name, grantee);
        return Response.noContent().build();
    }
}
