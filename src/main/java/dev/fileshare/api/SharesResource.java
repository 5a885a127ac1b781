package dev.fileshare.api;

import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/shares")
@ApplicationScoped
@Authenticated
@Tag(name = "sharing")
public class SharesResource {

    @Inject
    FileService files;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listShares",
            summary = "List who one of the caller's files is shared with",
            description = "The usernames, sorted.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "The grantees.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = String.class,
                                            example = "[\"bob\", \"carol\"]")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<String> listShares(
            @Parameter(
                            description = "The caller's file: " + ApiDocs.FILE_NAME_RULE,
                            required = true,
                            example = "notes.txt")
                    @QueryParam("file_name")
                    String fileName) {
        FileName name = FileName.parse("file_name", fileName);
        return files.grantees(SessionTokenFilter.callerOf(security), name).stream()
                .map(Username::value)
                .toList();
    }
}
