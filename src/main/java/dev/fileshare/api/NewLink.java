package dev.fileshare.api;

import dev.fileshare.core.LinkService;
import dev.fileshare.core.port.StoredLink;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "NewLink",
        description = "A public link as created. `id` and `url` are shown only now: the service keeps only a hash "
                + "of the id. `handle` names the link afterwards (GET /links, DELETE /links/{id}).")
@JsonbPropertyOrder({
    "id",
    "handle",
    "url",
    "fileName",
    "created",
    "expiresAt",
    "maxDownloads",
    "downloads",
    "hasPassword"
})
public record NewLink(
        @Schema(
                required = true,
                example = "3q2-7wAAAAC6vb7v3q2-7wAA",
                description = "The link's secret: 144 random bits, URL-safe Base64.")
        String id,

        @Schema(required = true, example = "9f86d081884c7d65", description = Link.HANDLE)
        String handle,

        @Schema(required = true, format = "uri", example = "https://files.example.com/l/3q2-7wAAAAC6vb7v3q2-7wAA")
        URI url,

        @JsonbProperty("file_name") @Schema(name = "file_name", required = true, example = "notes.txt")
        String fileName,

        @Schema(required = true, format = "date-time", example = "2026-11-24T11:23:25Z")
        Instant created,

        @JsonbProperty("expires_at")
        @Schema(name = "expires_at", required = true, format = "date-time", example = "2026-11-25T11:23:25Z")
        Instant expiresAt,

        @JsonbProperty("max_downloads")
        @JsonbNillable
        @Schema(
                name = "max_downloads",
                required = true,
                nullable = true,
                example = "3",
                description = "null: no limit.")
        Long maxDownloads,

        @Schema(required = true, example = "0", description = "Complete downloads so far.")
        long downloads,

        @JsonbProperty("has_password") @Schema(name = "has_password", required = true, example = "false")
        boolean hasPassword) {

    static NewLink of(LinkService.CreatedLink created, URI url) {
        StoredLink link = created.link();
        return new NewLink(
                created.id().value(),
                link.handle().value(),
                url,
                link.file().fileName().value(),
                link.created(),
                link.expiresAt(),
                link.maxDownloads().isPresent() ? link.maxDownloads().getAsLong() : null,
                link.downloads(),
                link.passwordHash().isPresent());
    }

    @Override
    public String toString() {
        return "NewLink[handle=" + handle + ", fileName=" + fileName + "]";
    }
}
