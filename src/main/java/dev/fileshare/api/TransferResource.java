package dev.fileshare.api;

import dev.fileshare.api.telemetry.ServiceMetrics;
import dev.fileshare.core.FileService;
import dev.fileshare.core.SignedTransferUrls;
import dev.fileshare.core.model.ContentTooLargeException;
import dev.fileshare.core.model.DownloadTerms;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.UploadTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the local mode's transfer URLs lead: the signature stands in for the session, and holds the request to
 * what the URL was issued for.
 */
@Path(SignedTransferUrls.PATH)
@ApplicationScoped
@Tag(name = "files")
public class TransferResource {

    @Inject
    FileService files;

    @Inject
    SignedTransferUrls signedUrls;

    @Inject
    ServiceMetrics metrics;

    @Inject
    RequestStreams streams;

    @GET
    @SecurityRequirements // none: the URL's signature stands in for the session
    @Operation(
            operationId = "downloadWithUrl",
            summary = "Download through a transfer URL (local mode)",
            description = "The URL comes from GET /file/download-url; Range and If-None-Match work as on GET /file. "
                    + "It reads only the version it was issued for: once that version is replaced or deleted, or "
                    + "the share it was issued under is revoked or left, it answers 410.")
    @Parameter(ref = ApiDocs.WANT_REPR_DIGEST)
    @Parameter(ref = ApiDocs.WANT_CONTENT_DIGEST)
    @APIResponse(
            responseCode = "200",
            description = "The content.",
            headers = {@Header(ref = ApiDocs.REPR_DIGEST), @Header(ref = ApiDocs.CONTENT_DIGEST)},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "206",
            description = "The requested range.",
            headers = @Header(ref = ApiDocs.REPR_DIGEST),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match or If-Modified-Since).")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "410", ref = ApiDocs.GONE)
    @APIResponse(responseCode = "416", ref = ApiDocs.RANGE_NOT_SATISFIABLE)
    public Response downloadWithUrl(
            @BeanParam SignedTransferQuery.Download query,
            @Parameter(description = "One byte range, e.g. `bytes=0-99` or `bytes=-100`.") @HeaderParam("Range")
                    String range,
            @Context HttpHeaders headers)
            throws IOException {
        DownloadTerms terms = query.verify(signedUrls);
        DownloadConditions conditions = DownloadConditions.of(headers);
        FileContent content = files.openIssued(terms, range, conditions::rangeApplies);
        // Transfer URLs are the way around a gateway's limit (the local mode's): they answer whatever the size.
        return FileDownloads.response(
                content,
                false,
                conditions,
                WantedDigests.of(headers),
                streams,
                GatewayLimit.NONE,
                (bytesSent, complete) -> metrics.downloaded(bytesSent));
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements // none: the URL's signature stands in for the session
    @Operation(
            operationId = "uploadWithUrl",
            summary = "Upload through a transfer URL (local mode)",
            description = "The URL comes from POST /file/upload-url; the body is exactly `size` raw bytes (a longer "
                    + "body is 413, a shorter one 400, and nothing is stored), and the condition it was issued with "
                    + "must hold when they are stored (412 otherwise).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "200",
            description = "Replaced an existing file.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FileEntry.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created a new file.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FileEntry.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @APIResponse(responseCode = "408", ref = ApiDocs.REQUEST_TIMEOUT)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "507", ref = ApiDocs.INSUFFICIENT_STORAGE)
    public Response uploadWithUrl(
            @BeanParam SignedTransferQuery.Upload query,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            InputStream body)
            throws IOException {
        UploadTerms terms = query.verify(signedUrls);
        long declared = BinaryUpload.declaredLength(contentLength);
        if (declared > terms.size()) {
            throw new ContentTooLargeException("The body is " + declared + " bytes, over the " + terms.size()
                    + " bytes this upload URL was issued for.");
        }
        if (declared >= 0 && declared < terms.size()) {
            throw InvalidInputException.of(
                    HttpHeaders.CONTENT_LENGTH,
                    "must be the " + terms.size() + " bytes this upload URL was issued for");
        }
        // Held to exactly the size: a longer body is cut off at it (413), a shorter one fails the write (400).
        return BinaryUpload.store(
                files,
                terms.key().owner(),
                terms.key().fileName(),
                terms.condition(),
                terms.size(),
                body,
                Optional.empty(),
                terms.size(),
                GatewayLimit.NONE,
                metrics);
    }
}
