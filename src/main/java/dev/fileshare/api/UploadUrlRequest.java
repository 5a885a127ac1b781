package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "UploadUrlRequest",
        description = "The file an upload URL is for, and what the URL holds the upload to: exactly `size` bytes and, "
                + "optionally, a condition checked when the bytes arrive (as `If-None-Match: *` or `If-Match` on "
                + "PUT /file).")
public record UploadUrlRequest(
        @JsonbProperty("file_name")
        @Schema(name = "file_name", required = true, example = "video.mp4", description = ApiDocs.FILE_NAME_RULE)
        String fileName,

        @Schema(
                required = true,
                description = "The size of the upload, in bytes, at most the binary upload limit. The URL takes "
                        + "exactly this many: a longer body is 413, a shorter one 400, and nothing is stored.",
                example = "1073741824",
                minimum = "0")
        Long size,

        @JsonbProperty("content_type")
        @Schema(
                name = "content_type",
                description = "Informational; the file is stored and served as bytes (application/octet-stream).",
                example = "video/mp4")
        String contentType,

        @JsonbProperty("if_none_match")
        @Schema(
                name = "if_none_match",
                description = "`*`: create only. The upload through the URL is 412 if the file exists by then.",
                enumeration = {"*"})
        String ifNoneMatch,

        @JsonbProperty("if_match")
        @Schema(
                name = "if_match",
                description =
                        "Replace only this version: its ETag, quoted, e.g. `\"5d41402abc4b2a76b9719d911017c592\"`. "
                                + "The upload through the URL is 412 if the file has another version by then, or none.")
        String ifMatch)
        implements JsonRequest {}
