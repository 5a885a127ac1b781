package dev.fileshare.api;

import dev.fileshare.core.FileService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/files")
@RequestScoped
@Authenticated
@Tag(name = "files")
public class FileListResource {

    @Inject
    FileService files;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listFiles", summary = "List the caller's files, then those shared with them",
            description = "Each part is sorted by key.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "200", description = "The files.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = FileEntryView.class)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public List<FileEntryView> listFiles() {
        return files.list(SessionTokenFilter.callerOf(security)).stream().map(FileEntryView::of).toList();
    }
}
