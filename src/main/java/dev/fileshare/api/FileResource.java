package dev.fileshare.api;

import dev.fileshare.config.FileshareConfig;
import dev.fileshare.core.ContentTooLargeException;
import dev.fileshare.core.FileContent;
import dev.fileshare.core.FileName;
import dev.fileshare.core.FileService;
import dev.fileshare.core.StrictBase64;
import dev.fileshare.core.Username;
import dev.fileshare.core.WriteCondition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/file")
@RequestScoped
@Authenticated
@Tag(name = "files")
@SecurityRequirement(name = ApiDocs.SESSION)
@SecurityRequirement(name = ApiDocs.BEARER)
public class FileResource {

    @Inject
    FileService files;

    @Inject
    FileshareConfig config;

    @Context
    SecurityContext security;

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadFile", summary = "Upload a file as JSON (the original form)",
            description = "Creates or replaces the caller's file. The decoded content may be up to the configured JSON upload limit (default 7 MiB).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FileUpload.class)))
    @APIResponse(responseCode = "200", description = "Stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileEntryView.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    public FileEntryView uploadJson(FileUpload upload) throws IOException {
        FileName name = FileName.parse("file_name", upload.fileName());
        if (upload.content() == null) {
            throw dev.fileshare.core.InvalidInputException.of("content", "is required");
        }
        long size = StrictBase64.decodedLength(upload.content());
        if (size > config.maxJsonUploadBytes()) {
            throw new ContentTooLargeException("The content is " + size + " bytes, over the JSON upload limit of "
                    + config.maxJsonUploadBytes() + " bytes; send large files as a binary upload: "
                    + "PUT /file?file_name=... with Content-Type: application/octet-stream.");
        }
        byte[] content = StrictBase64.decode("content", upload.content());
        return FileEntryView.of(files.upload(caller(), name, new ByteArrayInputStream(content), content.length,
                WriteCondition.ALWAYS).entry());
    }

    @GET
    @Operation(operationId = "downloadFile", summary = "Download a file",
            description = "The caller's own file, or one its owner shared with the caller. Raw bytes by default; "
                    + "with `Accept: text/plain` (and not application/octet-stream), the content in standard Base64.")
    @APIResponse(responseCode = "200", description = "The content.",
            headers = {
                @Header(name = "ETag", description = "The version's strong entity tag.", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING))
            },
            content = {
                @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, format = "byte"))
            })
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response download(
            @Parameter(description = "The file's name.", required = true, example = "notes.txt")
            @QueryParam("file_name") String fileName,
            @Parameter(description = "The owner, when the file was shared with the caller; defaults to the caller.", example = "alice")
            @QueryParam("username") String owner,
            @Context HttpHeaders headers) throws IOException {
        FileName name = FileName.parse("file_name", fileName);
        Username ownerName = owner == null || owner.isEmpty() ? caller() : Username.parse("username", owner);
        FileContent content = files.open(caller(), ownerName, name);
        return FileDownloads.response(content, wantsBase64(headers));
    }

    private Username caller() {
        return SessionTokenFilter.callerOf(security);
    }

    /** Base64 only when asked for text/plain and not for octet-stream: raw bytes are what the original's clients got. */
    private static boolean wantsBase64(HttpHeaders headers) {
        boolean text = false;
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("octet-stream")) {
                return false;
            }
            if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("plain")) {
                text = true;
            }
        }
        return text;
    }
}
