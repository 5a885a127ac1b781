package dev.fileshare.api;

import dev.fileshare.core.LinkService;
import dev.fileshare.core.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
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

/** The caller's public links: making them, listing them, revoking them and reading who used them. */
@Path("/links")
@ApplicationScoped
@Authenticated
@Tag(name = "links")
@SecurityRequirement(name = ApiDocs.SESSION)
@SecurityRequirement(name = ApiDocs.BEARER)
public class LinksResource {
    private static final String LINK_PARAMETER =
            "The link's handle (as GET /links lists it) or its id (as its creation answered it).";

    @Inject
    LinkService links;

    @Inject
    PublicUrl publicUrl;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createLink",
            summary = "Make a public link to one of the caller's files",
            description = "Anyone with the URL downloads the file's current content, without a session, until the "
                    + "link expires, its downloads are used up, it is revoked or the file is deleted. The id and URL "
                    + "are answered only now: the service keeps only a hash of the id.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LinkRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The link's URL, as `url`.",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewLink.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    public Response createLink(LinkRequest request) {
        LinkService.CreatedLink created = links.create(
                caller(), request.fileName(), request.expiresIn(), request.password(), request.maxDownloads());
        URI url = publicUrl.link(uriInfo, created.id());
        return Response.created(url).entity(NewLink.of(created, url)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listLinks",
            summary = "List the caller's public links",
            description = "Newest first, with their handles (not their ids or URLs, which only their creation "
                    + "answered). Expired and used-up links stay listed for 30 days after they expire.")
    @APIResponse(
            responseCode = "200",
            description = "The links.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Link.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public List<Link> listLinks(
            @Parameter(description = "Only the links to this file of the caller's.") @QueryParam("file_name")
                    String fileName) {
        return links.list(caller(), fileName).stream().map(Link::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteLink",
            summary = "Revoke one of the caller's public links",
            description = "The link answers 404 from now on; its access log goes with it.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.LINK_NOT_FOUND)
    public Response deleteLink(
            @Parameter(description = LINK_PARAMETER, required = true, example = "9f86d081884c7d65") @PathParam("id")
                    String id) {
        links.revoke(caller(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/accesses")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listLinkAccesses",
            summary = "Read the access log of one of the caller's public links",
            description = "Every request the link answered, the most recent first (the latest 1000 are kept, for as "
                    + "long as the link plus 30 days), with the client's network rather than its address.")
    @APIResponse(
            responseCode = "200",
            description = "The access log.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = LinkAccessEntry.class)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.LINK_NOT_FOUND)
    public List<LinkAccessEntry> listLinkAccesses(
            @Parameter(description = LINK_PARAMETER, required = true, example = "9f86d081884c7d65") @PathParam("id")
                    String id) {
        return links.accesses(caller(), id).stream().map(LinkAccessEntry::of).toList();
    }

    private Username caller() {
        return SessionTokenFilter.callerOf(security);
    }
}
