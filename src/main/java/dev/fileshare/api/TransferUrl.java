package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "TransferUrl",
        description = "A short-lived URL that needs no session: send `method` to `url` with `headers` "
                + "(for an upload, the raw bytes as the body, exactly the `size` asked for).")
@JsonbPropertyOrder({"url", "method", "expiresAt", "headers"})
public record TransferUrl(
        @Schema(
                required = true,
                format = "uri",
                example =
                        "http://localhost:9080/transfer?owner=alice&file_name=video.mp4&size=1073741824&expires=1764070000&signature=...")
        String url,

        @Schema(
                required = true,
                enumeration = {"GET", "PUT"},
                example = "PUT")
        String method,

        @JsonbProperty("expires_at")
        @Schema(name = "expires_at", required = true, format = "date-time", example = "2026-11-24T11:38:25Z")
        Instant expiresAt,

        @Schema(
                required = true,
                description = "Headers the request must carry, by lower-case name; besides them the client sends "
                        + "only what HTTP needs (Host, Content-Length). An S3 presigned URL signs them: without them "
                        + "S3 refuses the request.",
                example = "{\"content-type\": \"application/octet-stream\"}")
        Map<String, String> headers) {

    /** The issued URL, made absolute against {@code base} (the local mode's URLs are relative to this service). */
    static TransferUrl of(dev.fileshare.core.port.TransferUrl issued, URI base) {
        return new TransferUrl(
                base.resolve(issued.url()).toString(), issued.method(), issued.expiresAt(), issued.headers());
    }
}
