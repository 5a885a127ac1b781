package dev.fileshare.api;

import dev.fileshare.core.FileService;
import dev.fileshare.core.SignedTransferUrls;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.WriteCondition;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the local mode's transfer URLs lead: the signature stands in for the session. */
@Path(SignedTransferUrls.PATH)
@ApplicationScoped
@Tag(name = "files")
public class TransferResource {

    @Inject
    FileService files;

    @Inject
    SignedTransferUrls signedUrls;

    @Inject
    UploadLimits limits;

    @GET
    @Operation(
            operationId = "downloadWithUrl",
            summary = "Download through a transfer URL (local mode)",
            description = "The URL comes from GET /file/download-url; Range and If-None-Match work as on GET /file.")
    @APIResponse(
            responseCode = "200",
            description = "The content.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "206",
            description = "The requested range.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match or If-Modified-Since).")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "416", ref = ApiDocs.RANGE_NOT_SATISFIABLE)
    public Response downloadWithUrl(
            @BeanParam SignedTransferQuery query,
            @Parameter(description = "One byte range, e.g. `bytes=0-99` or `bytes=-100`.") @HeaderParam("Range")
                    String range,
            @Context Request request)
            throws IOException {
        FileKey key = query.verify(signedUrls, "GET");
        return FileDownloads.response(files.open(key.owner(), key.owner(), key.fileName(), range), false, request);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "uploadWithUrl",
            summary = "Upload through a transfer URL (local mode)",
            description = "The URL comes from POST /file/upload-url; the body is the raw bytes.")
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
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    public Response uploadWithUrl(
            @BeanParam SignedTransferQuery query,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            InputStream body)
            throws IOException {
        FileKey key = query.verify(signedUrls, "PUT");
        return BinaryUpload.store(
                files,
                key.owner(),
                key.fileName(),
                WriteCondition.ALWAYS,
                contentLength,
                body,
                limits.maxBinaryBytes());
    }
}
