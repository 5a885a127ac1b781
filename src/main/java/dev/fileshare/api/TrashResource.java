package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemExamples;
import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's trash: the files they deleted, until they restore or purge them or the service purges them. */
@Path("/trash")
@ApplicationScoped
@Authenticated
@Tag(name = "trash")
@SecurityRequirement(name = ApiDocs.SESSION)
@SecurityRequirement(name = ApiDocs.BEARER)
public class TrashResource {
    @Inject
    FileService files;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listTrash",
            summary = "List the caller's trash",
            description = "The files the caller deleted, by name, each with the content it had and its older "
                    + "versions, for `fileshare.trash.max-age` after the delete (30 days by default). Deleting a "
                    + "name again replaces what the trash held under it.")
    @APIResponse(
            responseCode = "200",
            description = "The trashed files, in name order.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = TrashEntry.class)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_AVAILABLE)
    public List<TrashEntry> listTrash() {
        return files.trash(caller()).stream().map(TrashEntry::of).toList();
    }

    @POST
    @Path("restore")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "restoreFromTrash",
            summary = "Bring a file back from the caller's trash",
            description = "With the content and older versions it had; not its shares or public links, which "
                    + "ended with the delete.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrashRestoreRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Restored.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FileEntry.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "The trash holds no file of that name.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = ProblemExamples.NOT_IN_TRASH))
    @APIResponse(
            responseCode = "409",
            description = "A file of that name exists: rename or delete it first.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = ProblemExamples.FILE_EXISTS))
    @APIResponse(responseCode = "408", ref = ApiDocs.REQUEST_TIMEOUT)
    public FileEntry restoreFromTrash(TrashRestoreRequest request) throws IOException {
        FileName name = FileName.parse("file_name", request.fileName());
        return FileEntry.of(files.restoreFromTrash(caller(), name));
    }

    @DELETE
    @Operation(
            operationId = "purgeFromTrash",
            summary = "Drop a file from the caller's trash for good",
            description = "Its content and older versions are gone at once.")
    @APIResponse(responseCode = "204", description = "Purged.")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "The trash holds no file of that name.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = ProblemExamples.NOT_IN_TRASH))
    public Response purgeFromTrash(
            @Parameter(description = "The trashed file's name.", required = true, example = "notes.txt")
                    @QueryParam("file_name")
                    String fileName)
            throws IOException {
        files.purge(caller(), FileName.parse("file_name", fileName));
        return Response.noContent().build();
    }

    private Username caller() {
        return SessionTokenFilter.callerOf(security);
    }
}
