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

/** {@code GET /file/versions}: the versions of a file. Reading one is {@code GET /file?version=}. */
@Path("/file/versions")
@ApplicationScoped
@Authenticated
@Tag(name = "versions")
@SecurityRequirement(name = ApiDocs.SESSION)
@SecurityRequirement(name = ApiDocs.BEARER)
public class FileVersionsResource {
    @Inject
    FileService files;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listVersions",
            summary = "List the versions of a file",
            description = "Of the caller's own file, or one shared with the caller: the current version first, then "
                    + "the older ones newest first. An overwrite keeps the content it replaces as an older version; "
                    + "the service keeps the latest `fileshare.versions.keep` of them (10 by default) for "
                    + "`fileshare.versions.max-age` after they were replaced (30 days by default). The aws mode on a "
                    + "bucket without versioning has none: 404 there.")
    @APIResponse(
            responseCode = "200",
            description = "The versions, newest first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = VersionEntry.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public List<VersionEntry> listVersions(
            @Parameter(
                            description = "The file's name: " + ApiDocs.FILE_NAME_RULE,
                            required = true,
                            example = "notes.txt")
                    @QueryParam("file_name")
                    String fileName,
            @Parameter(description = OwnerParameter.DESCRIPTION) @QueryParam(OwnerParameter.NAME) String owner) {
        FileName name = FileName.parse("file_name", fileName);
        Username caller = caller();
        return files.versions(caller, OwnerParameter.ownerOrCaller(owner, caller), name).stream()
                .map(VersionEntry::of)
                .toList();
    }

    private Username caller() {
        return SessionTokenFilter.callerOf(security);
    }
}
