package dev.fileshare.api;

import dev.fileshare.api.problem.JsonUploadTooLarge;
import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemExamples;
import dev.fileshare.api.telemetry.ServiceMetrics;
import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.StrictBase64;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One file of the caller's, or shared with the caller: JSON (original) and binary representations. */
@Path("/file")
@ApplicationScoped
@Authenticated
@Tag(name = "files")
@SecurityRequirement(name = ApiDocs.SESSION)
@SecurityRequirement(name = ApiDocs.BEARER)
public class FileResource {
    @Inject
    FileService files;

    @Inject
    UploadLimits limits;

    @Inject
    GatewayLimit gateway;

    @Inject
    ServiceMetrics metrics;

    @Inject
    RequestStreams streams;

    @Context
    SecurityContext security;

    // Optional parameters carry no `example`: Swagger UI's "Try it out" would send it.
    // PUT /file is one OpenAPI operation with two request bodies: it is documented here, with both media types,
    // and the binary method below is hidden, so that no scanning order decides what the document says.
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "uploadFile",
            summary = "Upload a file, as JSON (the original form) or as raw bytes",
            description = "Creates or replaces the caller's file. As `application/json` (a FileUpload), the decoded "
                    + "content may be up to the configured JSON upload limit (default 7 MiB) and the answer is 200. "
                    + "As `application/octet-stream`, with `file_name` in the query, the body streams to the store in "
                    + "constant memory up to the binary upload limit (default 5 GiB): 201 when it created the file, "
                    + "200 when it replaced it; the old content stays readable until the new one is complete. "
                    + "Behind an API gateway (the AWS stack's: 9 MiB a request) the service refuses a raw body larger "
                    + "than the gateway carries with 413: send those to a direct upload URL (`POST /file/upload-url`).")
    @Parameter(
            name = "file_name",
            in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING),
            description = "The file's name, for a raw-bytes body (required there; a JSON body names the file itself): "
                    + ApiDocs.FILE_NAME_RULE)
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileUpload.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_OCTET_STREAM,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "200",
            description = "Stored: always for JSON; for raw bytes, replaced an existing file.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The new version's entity tag (raw bytes only; JSON has `etag`).",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FileEntry.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created a new file (raw bytes only).",
            headers = {
                @Header(ref = ApiDocs.ETAG),
                @Header(name = "Location", description = "The file's URL.", schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FileEntry.class)))
    @Parameter(ref = ApiDocs.REPR_DIGEST)
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @APIResponse(responseCode = "408", ref = ApiDocs.REQUEST_TIMEOUT)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "507", ref = ApiDocs.INSUFFICIENT_STORAGE)
    public FileEntry uploadFile(
            FileUpload upload,
            @Parameter(ref = ApiDocs.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Parameter(ref = ApiDocs.IF_NONE_MATCH) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers)
            throws IOException {
        FileName name = FileName.parse("file_name", upload.fileName());
        if (upload.content() == null) {
            throw InvalidInputException.of("content", "is required");
        }
        WriteCondition condition = WriteConditions.from(ifMatch, ifNoneMatch);
        Optional<Sha256Digest> announced = announcedDigest(headers);
        long size = StrictBase64.decodedLength(upload.content());
        if (size > limits.maxJsonBytes()) {
            throw JsonUploadTooLarge.content(size, limits.maxJsonBytes());
        }
        byte[] content = StrictBase64.decode("content", upload.content());
        FileEntry stored = FileEntry.of(
                files.upload(caller(), name, new ByteArrayInputStream(content), content.length, condition, announced)
                        .entry());
        metrics.uploaded(content.length);
        return stored;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // documented with uploadFile above
    public Response uploadFileBinary(
            @QueryParam("file_name") String fileName,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @Context HttpHeaders headers,
            InputStream body)
            throws IOException {
        FileName name = FileName.parse("file_name", fileName);
        return BinaryUpload.store(
                files,
                caller(),
                name,
                WriteConditions.from(ifMatch, ifNoneMatch),
                contentLength,
                body,
                announcedDigest(headers),
                limits.maxBinaryBytes(),
                gateway,
                metrics);
    }

    @GET
    @Operation(
            operationId = "downloadFile",
            summary = "Download a file",
            description = "The caller's own file, or one its owner shared with the caller. Raw bytes by default, "
                    + "with Range (one range), If-None-Match and If-Modified-Since; with `Accept: text/plain` "
                    + "(and not application/octet-stream), the whole content in standard Base64. If-Match, "
                    + "If-Unmodified-Since and If-Range work as RFC 9110 says; a date that is not an HTTP-date is "
                    + "ignored. `HEAD` answers the same headers without the content. With `version` (from "
                    + "`GET /file/versions`), the same for that version, current or older. Behind an API gateway (the "
                    + "AWS stack's: 9 MiB a response), an answer larger than the gateway carries is refused with 409: "
                    + "fetch such files from `GET /file/download-url`, or in Range requests that fit.")
    // Request.evaluatePreconditions reads these headers, so they have no JAX-RS parameter to carry their docs.
    @Parameter(
            name = "If-None-Match",
            in = ParameterIn.HEADER,
            schema = @Schema(type = SchemaType.STRING),
            description = "304 when the file still has this entity tag, e.g. `\"5d41402abc4b2a76b9719d911017c592\"`.")
    @Parameter(
            name = "If-Modified-Since",
            in = ParameterIn.HEADER,
            schema = @Schema(type = SchemaType.STRING),
            description =
                    "304 when the file has not changed since this HTTP date, e.g. `Tue, 24 Nov 2026 11:23:25 GMT`.")
    @Parameter(ref = ApiDocs.WANT_REPR_DIGEST)
    @Parameter(ref = ApiDocs.WANT_CONTENT_DIGEST)
    @APIResponse(
            responseCode = "200",
            description = "The content.",
            headers = {
                @Header(ref = ApiDocs.ETAG),
                @Header(ref = ApiDocs.REPR_DIGEST),
                @Header(ref = ApiDocs.CONTENT_DIGEST),
                @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING))
            },
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_OCTET_STREAM,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, format = "byte"))
            })
    @APIResponse(
            responseCode = "206",
            description = "The requested range of the content.",
            headers = {
                @Header(ref = ApiDocs.ETAG),
                @Header(ref = ApiDocs.REPR_DIGEST),
                @Header(
                        name = "Content-Range",
                        description = "e.g. bytes 0-99/1000",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "304",
            description = "Not modified (If-None-Match or If-Modified-Since).",
            headers = @Header(ref = ApiDocs.ETAG))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(
            responseCode = "409",
            description = "The answer would be larger than the API gateway in front of the service carries; "
                    + "`GET /file/download-url` gives a URL that serves any size.",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            example = ProblemExamples.TOO_LARGE_FOR_GATEWAY))
    @APIResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @APIResponse(responseCode = "416", ref = ApiDocs.RANGE_NOT_SATISFIABLE)
    public Response downloadFile(
            @Parameter(
                            description = "The file's name: " + ApiDocs.FILE_NAME_RULE,
                            required = true,
                            example = "notes.txt")
                    @QueryParam("file_name")
                    String fileName,
            @Parameter(description = OwnerParameter.DESCRIPTION) @QueryParam(OwnerParameter.NAME) String owner,
            @Parameter(description = VersionParameter.DESCRIPTION) @QueryParam(VersionParameter.NAME) String version,
            @Parameter(description = "One byte range, e.g. `bytes=0-99` or `bytes=-100`.") @HeaderParam("Range")
                    String range,
            @Context HttpHeaders headers)
            throws IOException {
        FileName name = FileName.parse("file_name", fileName);
        Username ownerName = OwnerParameter.ownerOrCaller(owner, caller());
        Optional<String> olderVersion = VersionParameter.optional(version);
        boolean base64 = wantsBase64(headers);
        DownloadConditions conditions = DownloadConditions.of(headers);
        String wantedRange = base64 ? null : range;
        FileContent content = olderVersion.isPresent()
                ? files.openVersion(
                        caller(), ownerName, name, olderVersion.get(), wantedRange, conditions::rangeApplies)
                : files.open(caller(), ownerName, name, wantedRange, conditions::rangeApplies);
        return FileDownloads.response(
                content,
                base64,
                conditions,
                WantedDigests.of(headers),
                streams,
                gateway,
                (bytesSent, complete) -> metrics.downloaded(bytesSent));
    }

    /** The headers of {@link #downloadFile} from the file's metadata alone: the content is not opened. */
    @HEAD
    @Operation(hidden = true) // documented with downloadFile
    public Response describeFile(
            @QueryParam("file_name") String fileName,
            @QueryParam(OwnerParameter.NAME) String owner,
            @QueryParam(VersionParameter.NAME) String version,
            @Context HttpHeaders headers) {
        FileName name = FileName.parse("file_name", fileName);
        Username ownerName = OwnerParameter.ownerOrCaller(owner, caller());
        Optional<String> olderVersion = VersionParameter.optional(version);
        FileVersion entry = olderVersion.isPresent()
                ? files.describeVersion(caller(), ownerName, name, olderVersion.get())
                : files.describe(caller(), ownerName, name);
        return FileDownloads.head(entry, wantsBase64(headers), DownloadConditions.of(headers));
    }

    @DELETE
    @Operation(
            operationId = "deleteFile",
            summary = "Delete one of the caller's files",
            description = "Moves it, with its older versions, to the caller's trash (`GET /trash`); its shares and "
                    + "public links end at once.")
    @APIResponse(responseCode = "204", description = "Deleted: in the trash.")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response deleteFile(
            @Parameter(
                            description = "The file's name: " + ApiDocs.FILE_NAME_RULE,
                            required = true,
                            example = "notes.txt")
                    @QueryParam("file_name")
                    String fileName)
            throws IOException {
        files.delete(caller(), FileName.parse("file_name", fileName));
        return Response.noContent().build();
    }

    /** The file's SHA-256 as the upload's digest fields announce it, checked before the write commits. */
    private static Optional<Sha256Digest> announcedDigest(HttpHeaders headers) {
        return DigestFields.announced(
                headers.getHeaderString(DigestFields.REPR_DIGEST),
                headers.getHeaderString(DigestFields.CONTENT_DIGEST));
    }

    private Username caller() {
        return SessionTokenFilter.callerOf(security);
    }

    /** Base64 only when asked for text/plain and not for octet-stream: raw bytes are what the original's clients got. */
    private static boolean wantsBase64(HttpHeaders headers) {
        boolean text = false;
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getType().equalsIgnoreCase("application")
                    && type.getSubtype().equalsIgnoreCase("octet-stream")) {
                return false;
            }
            if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("plain")) {
                text = true;
            }
        }
        return text;
    }
}
