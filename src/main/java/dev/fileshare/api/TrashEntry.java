package dev.fileshare.api;

import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.port.TrashedFile;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrashEntry", description = "A deleted file in the caller's trash.")
@JsonbPropertyOrder({"fileName", "size", "modified", "etag", "sha256", "deleted", "purgeAt"})
public record TrashEntry(
        @JsonbProperty("file_name") @Schema(name = "file_name", required = true, example = "notes.txt")
        String fileName,

        @Schema(required = true, example = "5", minimum = "0", description = "Bytes of its content when deleted.")
        long size,

        @Schema(
                required = true,
                format = "date-time",
                example = "2026-11-24T11:23:25Z",
                description = "When the content it had when deleted was written.")
        Instant modified,

        @Schema(
                required = true,
                example = "\"3f2a9c4e1b7d4f0a8e6c5b2d1a0f9e8d\"",
                description = "Entity tag of that content; a restore brings it back with the same tag.")
        String etag,

        @Schema(
                example = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                pattern = "^[0-9a-f]{64}$",
                description = "SHA-256 of that content, 64 lower-case hex digits; absent when not known (stored before "
                        + "digests were kept).")
        String sha256,

        @Schema(required = true, format = "date-time", example = "2026-11-25T08:00:00Z")
        Instant deleted,

        @JsonbProperty("purge_at")
        @Schema(
                name = "purge_at",
                required = true,
                format = "date-time",
                example = "2026-12-25T08:00:00Z",
                description = "When the service drops it for good (`fileshare.trash.max-age` after the delete).")
        Instant purgeAt) {

    static TrashEntry of(TrashedFile trashed) {
        return new TrashEntry(
                trashed.entry().key().fileName().value(),
                trashed.entry().size(),
                trashed.entry().modified(),
                trashed.entry().etag(),
                trashed.entry().sha256().map(Sha256Digest::hex).orElse(null),
                trashed.deleted(),
                trashed.purgeAt());
    }
}
