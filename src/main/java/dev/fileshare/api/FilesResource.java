package dev.fileshare.api;

import dev.fileshare.core.FileService;
import dev.fileshare.core.model.FilePage;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.ListCursor;
import dev.fileshare.core.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/files")
@ApplicationScoped
@Authenticated
@Tag(name = "files")
public class FilesResource {
    /** Made once: Json.createGenerator looks its provider up anew on every call. */
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    static final int MAX_LIMIT = 1000;

    @Inject
    FileService files;

    @Inject
    ListingCache listings;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listFiles",
            summary = "List the caller's files, then those shared with them",
            description = "Each part is sorted by key. Without `limit`, all of them; with it, a page of at most "
                    + "`limit` entries and, when there are more, a `Link` header to the next page.")
    @SecurityRequirement(name = ApiDocs.SESSION)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "The files, or a page of them.",
            headers =
                    @Header(
                            name = "Link",
                            description = "The next page, when there is one: `<.../files?limit=100&cursor=...>; "
                                    + "rel=\"next\"` (RFC 8288).",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = FileEntry.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Response listFiles(
            @Parameter(
                            description = "The most entries to answer, 1 to " + MAX_LIMIT + "; all when absent.",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "Where the page starts: as given in the previous page's `Link` header.")
                    @QueryParam("cursor")
                    String cursor) {
        int pageLimit = limit == null ? Integer.MAX_VALUE : pageLimit(limit);
        Optional<ListCursor> after =
                cursor == null ? Optional.empty() : Optional.of(ListCursor.parse("cursor", cursor));
        Username caller = SessionTokenFilter.callerOf(security);
        ListingCache.Listing listing =
                listings.page(caller, after, pageLimit, () -> render(files.list(caller, after, pageLimit)));
        // Its length, known here, spares the client a chunked body.
        Response.ResponseBuilder response = Response.ok(listing.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, listing.json().length);
        listing.next()
                .ifPresent(next -> response.link(
                        uri.getRequestUriBuilder()
                                .replaceQueryParam("cursor", next.encoded())
                                .build(),
                        "next"));
        return response.build();
    }

    private static int pageLimit(String limit) {
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInputException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /**
     * The page's JSON, written with a JSON-P generator rather than returned as a List for JSON-B: for 1,000 files
     * JSON-B's per-object work and the provider's String of the whole body were about a third of the listing's CPU.
     */
    private static ListingCache.Listing render(FilePage page) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(256 * page.entries().size() + 2);
        try (JsonGenerator json = JSON.createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartArray();
            for (FileVersion entry : page.entries()) {
                FileEntry.of(entry).writeTo(json);
            }
            json.writeEnd();
        }
        return new ListingCache.Listing(out.toByteArray(), page.next());
    }
}
