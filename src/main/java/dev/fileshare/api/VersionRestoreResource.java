package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemExamples;
import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /file/restore}: makes an older version of a file current again. */
@Path("/file/restore")
@ApplicationScoped
@Authenticated
@Tag(name = "versions")
@SecurityRequirement(name = ApiDocs.SESSION)
@SecurityRequirement(name = ApiDocs.BEARER)
public class VersionRestoreResource {
    @Inject
    FileService files;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "restoreVersion",
            summary = "Make an older version of one of the caller's files current again",
            description = "Writes a copy of that version as a new current version, as an upload would: the version "
                    + "it replaces becomes an older one, and every older version stays.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionRestoreRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Restored: the file's new current version.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FileEntry.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description =
                    "No such file of the caller's, or no such version of it (or the aws mode on a bucket without versioning).",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = ProblemExamples.VERSION_NOT_FOUND))
    @APIResponse(responseCode = "408", ref = ApiDocs.REQUEST_TIMEOUT)
    public FileEntry restoreVersion(VersionRestoreRequest request) throws IOException {
        FileName name = FileName.parse("file_name", request.fileName());
        String version = VersionParameter.required(request.version());
        return FileEntry.of(files.restoreVersion(caller(), name, version));
    }

    private Username caller() {
        return SessionTokenFilter.callerOf(security);
    }
}
