package dev.fileshare.api;

import dev.fileshare.config.FileshareConfig;
import dev.fileshare.core.ContentTooLargeException;
import dev.fileshare.core.FileEntry;
import dev.fileshare.core.FileKey;
import dev.fileshare.core.FileName;
import dev.fileshare.core.FileService;
import dev.fileshare.core.InvalidInputException;
import dev.fileshare.core.TransferLink;
import dev.fileshare.core.TransferLinks;
import dev.fileshare.core.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issues short-lived URLs for files too large for API Gateway's 10 MB payload limit. The sharing rules apply here. */
@Path("/file")
@ApplicationScoped
@Authenticated
@Tag(name = "files")
public class TransferResource {

    @Inject
    FileService files;

    @Inject
    TransferLinks links;

    @Inject
    FileshareConfig config;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Path("upload-url")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUploadUrl", summary = "Get a URL to upload one of the caller's files without a session",
            description = "PUT the raw bytes to the URL before it expires; the file is created or replaced as by a binary upload. "
                    + "In the AWS mode the URL is an S3 presigned URL: one PUT of at most 5 GiB, so a `size` over 5 GiB "
                    + "(or over the configured binary upload limit) is 413.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TransferRequest.class)))
    @APIResponse(responseCode = "200", description = "The upload URL.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferLinkView.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    public TransferLinkView createUploadUrl(TransferRequest request) {
        FileName name = FileName.parse("file_name", request.fileName());
        if (request.size() != null && request.size() < 0) {
            throw InvalidInputException.of("size", "must not be negative");
        }
        // In the aws mode one presigned PUT carries at most S3's 5 GiB, whatever the configured limit.
        long limit = Math.min(config.maxBinaryUploadBytes(), links.maxUploadBytes());
        if (request.size() != null && request.size() > limit) {
            throw new ContentTooLargeException("The size " + request.size() + " is over the binary upload limit of "
                    + limit + " bytes.");
        }
        return view(links.upload(new FileKey(SessionTokenFilter.callerOf(security), name)));
    }

    @GET
    @Path("download-url")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDownloadUrl", summary = "Get a URL to download a file without a session",
            description = "For the caller's own file, or one shared with the caller when the URL is issued.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "200", description = "The download URL.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferLinkView.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public TransferLinkView createDownloadUrl(
            @Parameter(description = "The file's name.", required = true, example = "video.mp4") @QueryParam("file_name") String fileName,
            @Parameter(description = "The owner, when the file was shared with the caller; defaults to the caller.")
            @QueryParam("username") String owner) {
        FileName name = FileName.parse("file_name", fileName);
        Username caller = SessionTokenFilter.callerOf(security);
        Username ownerName = owner == null || owner.isEmpty() ? caller : Username.parse("username", owner);
        FileEntry entry = files.describe(caller, ownerName, name);
        return view(links.download(entry));
    }

    private TransferLinkView view(TransferLink link) {
        return new TransferLinkView(uri.getBaseUri().resolve(link.url()).toString(), link.method(), link.expiresAt());
    }
}
