package dev.fileshare.api;

import dev.fileshare.api.problem.FileshareExceptionMapper;
import dev.fileshare.api.telemetry.ServiceMetrics;
import dev.fileshare.core.LinkService;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.FileshareException;
import dev.fileshare.core.port.StoredLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /l/{id}}: a public link, read without a session as {@code GET /file} reads the file. Every answer to a
 * link that exists goes into its access log; a download counts once its whole body was sent.
 */
@Path("/l/{id}")
@ApplicationScoped
@Tag(name = "links")
public class PublicLinkResource {
    private static final String ID = "The link's id, from its URL.";
    private static final String EXAMPLE_ID = "3q2-7wAAAAC6vb7v3q2-7wAA";

    @Inject
    GatewayLimit gateway;

    @Inject
    RequestStreams streams;

    @Inject
    ServiceMetrics metrics;

    @Inject
    LinkService links;

    @Inject
    TrustedProxies proxies;

    @GET
    @SecurityRequirements // none: the link's id stands in for the session
    @Operation(
            operationId = "downloadLink",
            summary = "Download the file of a public link",
            description = "The file's current content, raw, as GET /file answers it: Content-Disposition, ETag, one "
                    + "Range (206), If-None-Match and If-Modified-Since (304). With a password, 401 until the request "
                    + "carries it as HTTP Basic credentials (any user name: `curl -u :secret`). A download counts "
                    + "against `max_downloads` once its whole body was sent (a range that ends the file counts).")
    @Parameter(
            name = "If-None-Match",
            in = ParameterIn.HEADER,
            schema = @Schema(type = SchemaType.STRING),
            description = "304 when the file still has this entity tag.")
    @Parameter(
            name = "If-Modified-Since",
            in = ParameterIn.HEADER,
            schema = @Schema(type = SchemaType.STRING),
            description = "304 when the file has not changed since this HTTP date.")
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
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
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
    @APIResponse(responseCode = "401", ref = ApiDocs.LINK_PASSWORD)
    @APIResponse(responseCode = "404", ref = ApiDocs.LINK_NOT_FOUND)
    @APIResponse(responseCode = "410", ref = ApiDocs.LINK_GONE)
    @APIResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @APIResponse(responseCode = "416", ref = ApiDocs.RANGE_NOT_SATISFIABLE)
    @APIResponse(responseCode = "429", ref = ApiDocs.LINK_TOO_MANY_REQUESTS)
    public Response downloadLink(
            @Parameter(description = ID, required = true, example = EXAMPLE_ID) @PathParam("id") String id,
            @Parameter(description = "One byte range, e.g. `bytes=0-99` or `bytes=-100`.") @HeaderParam("Range")
                    String range,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            @Context HttpHeaders headers,
            @Context HttpServletRequest servlet)
            throws IOException {
        StoredLink link = links.find(id); // an unknown link has no log to keep this request in
        LinkVisit visit = new LinkVisit(links, link, proxies.clientOf(servlet), userAgent);
        try {
            links.authorize(link, BasicCredentials.password(authorization), visit.from());
            DownloadConditions conditions = DownloadConditions.of(headers);
            FileContent content = links.open(link, range, conditions::rangeApplies);
            streams.closeAtEnd(content.stream());
            Optional<Response> refused = FileDownloads.withoutContent(content, false, conditions, gateway);
            if (refused.isPresent()) {
                content.stream().close();
                return visit.answered(refused.get());
            }
            Optional<LinkService.Download> download = claim(link, content);
            int status = content.partial() ? 206 : 200;
            FileDownloads.Delivery logged = visit.streamed(status, download);
            return FileDownloads.content(content, false, WantedDigests.of(headers), (bytesSent, complete) -> {
                metrics.downloaded(bytesSent);
                logged.ended(bytesSent, complete);
            });
        } catch (FileshareException refused) {
            return visit.answered(FileshareExceptionMapper.responseTo(refused));
        }
    }

    @HEAD
    @SecurityRequirements // none: the link's id stands in for the session
    @Operation(
            operationId = "headLink",
            summary = "The headers of a public link's download, without its content",
            description = "What GET answers, without the body and without opening the file: Content-Length, ETag, "
                    + "Last-Modified, Content-Disposition. It counts as no download; a password is needed as for GET.")
    @Parameter(
            name = "If-None-Match",
            in = ParameterIn.HEADER,
            schema = @Schema(type = SchemaType.STRING),
            description = "304 when the file still has this entity tag.")
    @Parameter(
            name = "If-Modified-Since",
            in = ParameterIn.HEADER,
            schema = @Schema(type = SchemaType.STRING),
            description = "304 when the file has not changed since this HTTP date.")
    @APIResponse(
            responseCode = "200",
            description = "The headers of the content.",
            headers = {
                @Header(ref = ApiDocs.ETAG),
                @Header(ref = ApiDocs.REPR_DIGEST),
                @Header(name = "Content-Length", schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "304",
            description = "Not modified (If-None-Match or If-Modified-Since).",
            headers = @Header(ref = ApiDocs.ETAG))
    @APIResponse(responseCode = "401", ref = ApiDocs.LINK_PASSWORD)
    @APIResponse(responseCode = "404", ref = ApiDocs.LINK_NOT_FOUND)
    @APIResponse(responseCode = "410", ref = ApiDocs.LINK_GONE)
    @APIResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @APIResponse(responseCode = "429", ref = ApiDocs.LINK_TOO_MANY_REQUESTS)
    public Response headLink(
            @Parameter(description = ID, required = true, example = EXAMPLE_ID) @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            @Context HttpHeaders headers,
            @Context HttpServletRequest servlet) {
        StoredLink link = links.find(id);
        LinkVisit visit = new LinkVisit(links, link, proxies.clientOf(servlet), userAgent);
        try {
            links.authorize(link, BasicCredentials.password(authorization), visit.from());
            FileVersion entry = links.describe(link);
            return visit.answered(FileDownloads.head(entry, false, DownloadConditions.of(headers)));
        } catch (FileshareException refused) {
            return visit.answered(FileshareExceptionMapper.responseTo(refused));
        }
    }

    /** Claims the download {@code content} is, if it is one; the content is closed when the claim is refused. */
    private Optional<LinkService.Download> claim(StoredLink link, FileContent content) {
        try {
            return links.claim(link, content);
        } catch (RuntimeException refused) {
            try {
                content.stream().close();
            } catch (IOException e) {
                refused.addSuppressed(e);
            }
            throw refused;
        }
    }
}
