package dev.fileshare.api;

import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.port.StoredVersion;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "VersionEntry",
        description = "One version of a file: the current one or an older one the service keeps.")
@JsonbPropertyOrder({"version", "size", "modified", "etag", "sha256", "current"})
public record VersionEntry(
        @Schema(
                required = true,
                example = "3f2a9c4e1b7d4f0a8e6c5b2d1a0f9e8d",
                description = "Names the version in `GET /file?version=` and `POST /file/restore`.")
        String version,

        @Schema(required = true, example = "5", minimum = "0", description = "Bytes of content.")
        long size,

        @Schema(
                required = true,
                format = "date-time",
                example = "2026-11-24T11:23:25Z",
                description = "When this version was written.")
        Instant modified,

        @Schema(
                required = true,
                example = "\"3f2a9c4e1b7d4f0a8e6c5b2d1a0f9e8d\"",
                description = "Strong entity tag of this version, quoted as in HTTP.")
        String etag,

        @Schema(
                example = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                pattern = "^[0-9a-f]{64}$",
                description = "SHA-256 of the content, 64 lower-case hex digits (as `Repr-Digest` sends it in Base64); "
                        + "absent when the store does not know it (a version stored before digests were kept; in the "
                        + "aws store, files written in parts and the caller's own files in `GET /files`).")
        String sha256,

        @Schema(required = true, example = "true", description = "Whether this is the file's current version.")
        boolean current) {

    static VersionEntry of(StoredVersion stored) {
        return new VersionEntry(
                stored.version(),
                stored.entry().size(),
                stored.entry().modified(),
                stored.entry().etag(),
                stored.entry().sha256().map(Sha256Digest::hex).orElse(null),
                stored.current());
    }
}
