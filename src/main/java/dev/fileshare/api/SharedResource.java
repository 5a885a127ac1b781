package dev.fileshare.api;

import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /shared}: the files others shared with the caller, as the caller, a grantee, controls them. */
@Path("/shared")
@ApplicationScoped
@Authenticated
@Tag(name = "sharing")
public class SharedResource {

    @Inject
    FileService files;

    @Context
    SecurityContext security;

    @DELETE
    @Operation(
            operationId = "leaveShare",
            summary = "Remove a file shared with the caller from their list",
            description = "The caller stops being a grantee of another user's file: it leaves their `GET /files` "
                    + "and they can no longer read it (download URLs issued to them stop working in the local "
                    + "mode). Its owner can share it again. Idempotent: 204 whether or not it was shared, so it "
                    + "tells nothing about the owner's files.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "204", description = "Not shared with the caller (any more).")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Response leaveShare(
            @Parameter(description = "The shared file's name.", required = true, example = "notes.txt")
                    @QueryParam("file_name")
                    String fileName,
            @Parameter(description = "Its owner, who shared it; not the caller.", required = true, example = "alice")
                    @QueryParam("owner")
                    String owner) {
        FileName name = FileName.parse("file_name", fileName);
        Username ownerName = Username.parse("owner", owner);
        files.leave(SessionTokenFilter.callerOf(security), ownerName, name);
        return Response.noContent().build();
    }
}
