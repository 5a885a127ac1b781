package dev.fileshare.api;

import dev.fileshare.core.model.LinkId;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * Where clients reach the service, for the absolute URLs it hands out: {@code fileshare.public-url} when set (behind
 * API Gateway or a reverse proxy the request's own address is not the one clients use), else the request's base.
 *
 * @param configured the configured base URL, ending in {@code /}
 */
public record PublicUrl(Optional<URI> configured) {

    /** The public URL of the link {@code id}: {@code <base>l/<id>}. */
    URI link(UriInfo request, LinkId id) {
        return configured.orElseGet(request::getBaseUri).resolve("l/" + id.value());
    }
}
