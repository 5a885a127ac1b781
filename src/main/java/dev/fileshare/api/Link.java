package dev.fileshare.api;

import dev.fileshare.core.port.StoredLink;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Link",
        description = "One of the caller's public links, named by its handle: the id and URL were shown only when it "
                + "was created. An expired or used-up link is listed (and answers 410) for 30 days after it expires.")
@JsonbPropertyOrder({"handle", "fileName", "created", "expiresAt", "maxDownloads", "downloads", "hasPassword"})
public record Link(
        @Schema(required = true, example = "9f86d081884c7d65", description = HANDLE)
        String handle,

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

        @Schema(required = true, example = "1", description = "Complete downloads so far.")
        long downloads,

        @JsonbProperty("has_password") @Schema(name = "has_password", required = true, example = "false")
        boolean hasPassword) {

    static final String HANDLE = "Names the link without revealing it (the first 16 hex digits of the id's SHA-256); "
            + "DELETE /links/{id} and GET /links/{id}/accesses take it, or the id.";

    static Link of(StoredLink link) {
        return new Link(
                link.handle().value(),
                link.file().fileName().value(),
                link.created(),
                link.expiresAt(),
                link.maxDownloads().isPresent() ? link.maxDownloads().getAsLong() : null,
                link.downloads(),
                link.passwordHash().isPresent());
    }
}
