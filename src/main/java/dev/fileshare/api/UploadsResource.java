package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.telemetry.ServiceMetrics;
import dev.fileshare.core.UploadService;
import dev.fileshare.core.model.ChunkChecksum;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileshareException;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.StagedUpload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Resumable uploads by the tus 1.0.0 protocol (https://tus.io/protocols/resumable-upload): the core protocol with
 * the creation, creation-with-upload, expiration, checksum and termination extensions. The bytes of a finished
 * upload become a new version of its file as {@code PUT /file} would write it.
 */
@Path("/uploads")
@ApplicationScoped
@Tag(name = "uploads")
public class UploadsResource {
    static final String EXTENSIONS = "creation,creation-with-upload,expiration,checksum,termination";
    private static final String OFFSET_CONFLICT_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Conflict\","
            + " \"status\": 409, \"detail\": \"Upload-Offset is 0 but the upload stands at 6291456.\","
            + " \"message\": \"Upload-Offset is 0 but the upload stands at 6291456.\"}";
    private static final String TOO_MANY_UPLOADS_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Conflict\","
            + " \"status\": 409, \"detail\": \"You have 20 open uploads, the most allowed.\","
            + " \"message\": \"You have 20 open uploads, the most allowed.\"}";
    private static final String CHECKSUM_MISMATCH_EXAMPLE = "{\"type\": \"about:blank\","
            + " \"title\": \"Checksum Mismatch\", \"status\": 460,"
            + " \"detail\": \"The chunk's sha256 digest is not the one in Upload-Checksum.\","
            + " \"message\": \"The chunk's sha256 digest is not the one in Upload-Checksum.\"}";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    @Inject
    Optional<UploadService> uploads;

    @Inject
    ServiceMetrics metrics;

    @Context
    SecurityContext security;

    @OPTIONS
    @SecurityRequirements // none: discovery comes before a session, as a browser's preflight does
    @Operation(
            operationId = "discoverUploads",
            summary = "What this tus server supports",
            description = "The tus version, extensions, checksum algorithms and largest upload. Needs no session.")
    @APIResponse(
            responseCode = "204",
            description = "The server's tus capabilities.",
            headers = {
                @Header(name = "Tus-Version", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Tus-Extension", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Tus-Max-Size", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                @Header(name = "Tus-Checksum-Algorithm", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST) // an unparseable Accept, as anywhere
    public Response discover() {
        UploadService service = service();
        return Response.noContent()
                .header("Tus-Version", TusProtocol.VERSION)
                .header("Tus-Extension", EXTENSIONS)
                .header("Tus-Max-Size", service.limits().maxSize())
                .header("Tus-Checksum-Algorithm", String.join(",", ChunkChecksum.ALGORITHMS))
                .build();
    }

    @POST
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "createUpload",
            summary = "Start a resumable upload (tus creation, creation-with-upload)",
            description = "Upload-Length gives the file's size; Upload-Metadata its name (`filename`) and optionally"
                    + " the write condition: `if-none-match` `*` (create only) or `if-match` with the entity tag of"
                    + " the version it replaces. A body of type application/offset+octet-stream is the first chunk."
                    + " With Repr-Digest (RFC 9530, `sha-256=:<Base64>:`), the whole file's SHA-256: the file is checked"
                    + " against it when its last byte arrives, and with another nothing is stored, the upload ends,"
                    + " and that request answers 460 as for a chunk's checksum.")
    @Parameter(
            name = "Tus-Resumable",
            in = ParameterIn.HEADER,
            required = true,
            schema = @Schema(type = SchemaType.STRING, enumeration = "1.0.0"))
    @Parameter(
            name = "Upload-Length",
            in = ParameterIn.HEADER,
            required = true,
            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
    @Parameter(
            name = "Upload-Metadata",
            in = ParameterIn.HEADER,
            required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "Comma-separated `key base64(value)` pairs, e.g. `filename cmVwb3J0LnBkZg==`.")
    @Parameter(ref = ApiDocs.REPR_DIGEST)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = TusProtocol.OFFSET_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the upload's URL.",
            headers = {
                @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                @Header(name = "Upload-Expires", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(
            responseCode = "409",
            description = "The caller has as many open uploads as allowed.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = TOO_MANY_UPLOADS_EXAMPLE))
    @APIResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(
            responseCode = "460",
            description = "Checksum Mismatch: the first chunk's Upload-Checksum, or (an upload whose bytes all came "
                    + "with its creation) the file's Repr-Digest, did not match; nothing was kept.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = CHECKSUM_MISMATCH_EXAMPLE))
    public Response create(
            @HeaderParam("Upload-Length") String uploadLength,
            @HeaderParam("Upload-Defer-Length") String deferLength,
            @HeaderParam(UploadMetadata.HEADER) String metadataHeader,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @HeaderParam("Upload-Checksum") String checksum,
            @HeaderParam(DigestFields.REPR_DIGEST) String reprDigest,
            @Parameter(
                            description = "RFC 9530: the first chunk's SHA-256 (a body sent with the creation), "
                                    + "`sha-256=:<Base64>:`, checked as Upload-Checksum is; send one of the two.")
                    @HeaderParam(DigestFields.CONTENT_DIGEST)
                    String contentDigest,
            InputStream body)
            throws IOException {
        UploadService service = service();
        if (deferLength != null) {
            throw InvalidInputException.of("Upload-Defer-Length", "is not supported: send Upload-Length");
        }
        long length = number("Upload-Length", uploadLength);
        UploadMetadata metadata = UploadMetadata.parse(metadataHeader);
        FileName name = FileName.parse(
                "Upload-Metadata filename",
                metadata.get("filename")
                        .orElseThrow(() -> InvalidInputException.of(UploadMetadata.HEADER, "must name the filename")));
        WriteCondition condition = WriteConditions.from(
                metadata.get("if-match").orElse(ifMatch),
                metadata.get("if-none-match").orElse(ifNoneMatch),
                "Upload-Metadata if-match",
                "Upload-Metadata if-none-match");
        Username caller = caller();
        // The whole file's digest: a Content-Digest here would be the first chunk's, which Upload-Checksum covers.
        UploadService.Appended creation =
                service.create(caller, name, length, condition, DigestFields.announced(reprDigest, null));
        StagedUpload upload = creation.upload();
        Response.ResponseBuilder created =
                Response.created(UriBuilder.fromPath("/uploads/{id}").build(upload.id()));
        if (isChunk(contentType) && !upload.complete()) {
            UploadService.Appended appended;
            try {
                appended = service.append(
                        caller,
                        upload.id(),
                        0,
                        body,
                        BinaryUpload.declaredLength(contentLength),
                        checksum(checksum, contentDigest));
            } catch (FileshareException | IOException e) {
                // the client never learns the upload's URL when its first chunk fails: nothing is left open
                terminateQuietly(caller, upload.id());
                throw e;
            }
            answerAppended(created, appended);
        } else {
            answerAppended(created, creation);
        }
        return created.header("Upload-Expires", HTTP_DATE.format(upload.expires()))
                .build();
    }

    @HEAD
    @Path("{id}")
    @Authenticated
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "uploadOffset",
            summary = "Where a resumable upload stands (tus)",
            description = "An upload whose last byte arrived but could not be stored then (the store failed) is"
                    + " stored now, so that an offset equal to the length always means the file exists.")
    @APIResponse(
            responseCode = "200",
            description = "The offset to resume from.",
            headers = {
                @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                @Header(name = "Upload-Length", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                @Header(name = "Upload-Expires", schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "ETag",
                        description = "The stored file's, when this request stored it.",
                        schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    public Response offset(@PathParam("id") String id) throws IOException {
        UploadService.Appended resumed = service().resume(caller(), id);
        StagedUpload upload = resumed.upload();
        Response.ResponseBuilder answer = Response.ok();
        answerAppended(answer, resumed);
        return answer.header("Upload-Length", upload.length())
                .header("Upload-Expires", HTTP_DATE.format(upload.expires()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @PATCH
    @Path("{id}")
    @Authenticated
    @Consumes(TusProtocol.OFFSET_OCTET_STREAM)
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "appendToUpload",
            summary = "Send the next chunk of a resumable upload (tus)",
            description = "Appends the body at Upload-Offset, all of it or nothing. With Upload-Checksum (sha1,"
                    + " sha256 or sha512), a chunk that does not match is refused with 460. The chunk that completes"
                    + " the upload stores the file as `PUT /file` would, and the answer carries its ETag.")
    @Parameter(
            name = "Upload-Offset",
            in = ParameterIn.HEADER,
            required = true,
            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = TusProtocol.OFFSET_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "204",
            description = "Appended.",
            headers = {
                @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                @Header(
                        name = "ETag",
                        description = "The stored file's, once the last byte arrived.",
                        schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(
            responseCode = "409",
            description = "Upload-Offset is not where the upload stands, or another PATCH of it is under way.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = OFFSET_CONFLICT_EXAMPLE))
    @APIResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(
            responseCode = "460",
            description = "Checksum Mismatch: nothing of the chunk was kept; or, on the last chunk, the file does not "
                    + "have the Repr-Digest its upload's creation announced: nothing was stored and the upload is "
                    + "ended.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = CHECKSUM_MISMATCH_EXAMPLE))
    public Response append(
            @PathParam("id") String id,
            @HeaderParam("Upload-Offset") String offset,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @HeaderParam("Upload-Checksum") String checksum,
            @Parameter(
                            description = "RFC 9530: the chunk's SHA-256, `sha-256=:<Base64>:`, checked as "
                                    + "Upload-Checksum is (460, nothing of the chunk kept); send one of the two.")
                    @HeaderParam(DigestFields.CONTENT_DIGEST)
                    String contentDigest,
            InputStream body)
            throws IOException {
        UploadService.Appended appended = service()
                .append(
                        caller(),
                        id,
                        number("Upload-Offset", offset),
                        body,
                        BinaryUpload.declaredLength(contentLength),
                        checksum(checksum, contentDigest));
        Response.ResponseBuilder answer = Response.noContent();
        answerAppended(answer, appended);
        return answer.header(
                        "Upload-Expires", HTTP_DATE.format(appended.upload().expires()))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(operationId = "terminateUpload", summary = "Abandon a resumable upload and free its bytes (tus)")
    @APIResponse(responseCode = "204", description = "Terminated.")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response terminate(@PathParam("id") String id) throws IOException {
        service().terminate(caller(), id);
        return Response.noContent().build();
    }

    private void terminateQuietly(Username caller, String id) throws IOException {
        try {
            service().terminate(caller, id);
        } catch (NotFoundException alreadyOver) {
            // the failed chunk ended the upload itself (its commit was refused)
        }
    }

    private void answerAppended(Response.ResponseBuilder answer, UploadService.Appended appended) {
        answer.header("Upload-Offset", appended.upload().offset());
        appended.stored().ifPresent(stored -> {
            metrics.uploaded(stored.entry().size());
            answer.tag(FileDownloads.entityTag(stored.entry().etag()));
        });
    }

    private UploadService service() {
        // 404, not 501: a client asked for what this deployment does not have, and no server fault is involved
        return uploads.orElseThrow(() -> new NotFoundException(
                "This server's store keeps no resumable uploads: use PUT /file or an upload URL."));
    }

    private Username caller() {
        return SessionTokenFilter.callerOf(security);
    }

    private static boolean isChunk(String contentType) {
        MediaType type = contentType == null ? null : MediaTypeHeaderFilter.parse(contentType.trim());
        return type != null && type.isCompatible(MediaType.valueOf(TusProtocol.OFFSET_OCTET_STREAM));
    }

    /**
     * A chunk's checksum: tus's {@code Upload-Checksum}, or RFC 9530's {@code Content-Digest} (its sha-256), which
     * describes the same bytes; one of them, not both.
     */
    private static Optional<ChunkChecksum> checksum(String uploadChecksum, String contentDigest) {
        if (contentDigest == null) {
            return uploadChecksum == null ? Optional.empty() : Optional.of(ChunkChecksum.parse(uploadChecksum));
        }
        if (uploadChecksum != null) {
            throw InvalidInputException.of(
                    DigestFields.CONTENT_DIGEST, "is the chunk's checksum as Upload-Checksum is: send one of them");
        }
        return DigestFields.announced(null, contentDigest).map(sha256 -> new ChunkChecksum("sha256", sha256.bytes()));
    }

    /** A header holding a byte count or offset: a non-negative decimal integer. */
    static long number(String header, String value) {
        if (value == null || !value.trim().matches("\\d{1,18}")) {
            throw InvalidInputException.of(header, "must be a non-negative integer");
        }
        return Long.parseLong(value.trim());
    }
}
