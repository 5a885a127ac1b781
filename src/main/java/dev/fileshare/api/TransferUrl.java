package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "TransferUrl",
        description = "A short-lived URL that needs no session: send `method` to `url` "
                + "(for an upload, the raw bytes as the body).")
@JsonbPropertyOrder({"url", "method", "expiresAt"})
public record TransferUrl(
        @Schema(
                required = true,
                format = "uri",
                example =
                        "http://localhost:9080/transfer?owner=alice&file_name=video.mp4&expires=1764070000&signature=...")
        String url,

        @Schema(
                required = true,
                enumeration = {"GET", "PUT"},
                example = "PUT")
        String method,

        @JsonbProperty("expires_at")
        @Schema(name = "expires_at", required = true, format = "date-time", example = "2026-11-24T11:38:25Z")
        Instant expiresAt) {

    /** The issued URL, made absolute against {@code base} (the local mode's URLs are relative to this service). */
    static TransferUrl of(dev.fileshare.core.port.TransferUrl issued, URI base) {
        return new TransferUrl(base.resolve(issued.url()).toString(), issued.method(), issued.expiresAt());
    }
}
