package dev.fileshare.api;

import dev.fileshare.core.FileService;
import dev.fileshare.core.model.ContentTooLargeException;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.TransferUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /file/upload-url}: a short-lived URL that uploads one of the caller's files past API Gateway's 10 MB limit. */
@Path("/file/upload-url")
@ApplicationScoped
@Authenticated
@Tag(name = "files")
public class UploadUrlResource {

    @Inject
    TransferUrls transferUrls;

    @Inject
    UploadLimits limits;

    @Inject
    FileService files;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createUploadUrl",
            summary = "Get a URL to upload one of the caller's files without a session",
            description = "PUT exactly `size` raw bytes to the URL, with its `headers`, before it expires; the file is "
                    + "created or replaced as by a binary upload, if the request's condition (`if_none_match` / "
                    + "`if_match`) still holds then. A `size` over the configured binary upload limit is 413. In the "
                    + "AWS mode the URL is an S3 presigned URL that signs the size, the content type and the "
                    + "condition: one PUT of at most 5 GiB, so a `size` over 5 GiB is 413 too. A `size` that would pass the "
                    + "caller's quota as things stand is 507; in the local mode the upload is held to the quota again "
                    + "when it is stored, in the AWS mode S3 stores it without asking (see the AWS store's notes).")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UploadUrlRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The upload URL.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TransferUrl.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "408", ref = ApiDocs.REQUEST_TIMEOUT)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "507", ref = ApiDocs.INSUFFICIENT_STORAGE)
    public TransferUrl createUploadUrl(UploadUrlRequest request) {
        FileName name = FileName.parse("file_name", request.fileName());
        // Required: the URL holds the upload to it (an S3 presigned PUT can only sign an exact Content-Length).
        if (request.size() == null) {
            throw InvalidInputException.of("size", "is required: the URL takes exactly this many bytes");
        }
        if (request.size() < 0) {
            throw InvalidInputException.of("size", "must not be negative");
        }
        WriteCondition condition =
                WriteConditions.from(request.ifMatch(), request.ifNoneMatch(), "if_match", "if_none_match");
        // In the aws mode one presigned PUT carries at most S3's 5 GiB, whatever the configured limit.
        long limit = Math.min(limits.maxBinaryBytes(), transferUrls.maxUploadBytes());
        if (request.size() > limit) {
            throw new ContentTooLargeException(
                    "The size " + request.size() + " is over the binary upload limit of " + limit + " bytes.");
        }
        Username caller = SessionTokenFilter.callerOf(security);
        files.admitUpload(caller, name, request.size());
        UploadTerms terms = new UploadTerms(new FileKey(caller, name), request.size(), condition);
        return TransferUrl.of(transferUrls.upload(terms), uri.getBaseUri());
    }
}
