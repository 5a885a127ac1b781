package dev.fileshare.api;

import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.TransferUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /file/download-url}: a short-lived URL that downloads a file the caller may read, past API Gateway's 10 MB limit. */
@Path("/file/download-url")
@ApplicationScoped
@Authenticated
@Tag(name = "files")
public class DownloadUrlResource {

    @Inject
    FileService files;

    @Inject
    TransferUrls transferUrls;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createDownloadUrl",
            summary = "Get a URL to download a file without a session",
            description = "For the caller's own file, or one shared with the caller. The URL reads the version current "
                    + "when it is issued, as an attachment of bytes. In the local mode it answers 410 once that "
                    + "version is replaced or deleted, or once the share it was issued under is revoked or left; in "
                    + "the AWS mode it is an S3 presigned URL of that object version, which S3 serves until the URL "
                    + "expires whatever happens to the file or the share meanwhile.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "The download URL.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TransferUrl.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public TransferUrl createDownloadUrl(
            @Parameter(
                            description = "The file's name: " + ApiDocs.FILE_NAME_RULE,
                            required = true,
                            example = "video.mp4")
                    @QueryParam("file_name")
                    String fileName,
            @Parameter(description = OwnerParameter.DESCRIPTION) @QueryParam(OwnerParameter.NAME) String owner)
            throws IOException {
        FileName name = FileName.parse("file_name", fileName);
        Username caller = SessionTokenFilter.callerOf(security);
        dev.fileshare.core.port.TransferUrl issued = files.useReadableVersion(
                caller,
                OwnerParameter.ownerOrCaller(owner, caller),
                name,
                version -> transferUrls.download(version, caller));
        return TransferUrl.of(issued, uri.getBaseUri());
    }
}
