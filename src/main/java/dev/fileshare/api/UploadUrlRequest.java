package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UploadUrlRequest", description = "The file an upload URL is for.")
public record UploadUrlRequest(
        @JsonbProperty("file_name") @Schema(name = "file_name", required = true, example = "video.mp4")
        String fileName,

        @Schema(
                description = "The size the upload will have, in bytes; checked against the binary upload limit.",
                example = "1073741824",
                minimum = "0")
        Long size,

        @JsonbProperty("content_type")
        @Schema(
                name = "content_type",
                description = "Informational; the file is stored as bytes.",
                example = "video/mp4")
        String contentType)
        implements JsonRequest {}
