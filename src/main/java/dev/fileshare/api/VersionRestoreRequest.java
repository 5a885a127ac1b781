package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VersionRestoreRequest", description = "Which version of which of the caller's files to restore.")
public record VersionRestoreRequest(
        @JsonbProperty("file_name")
        @Schema(name = "file_name", required = true, example = "notes.txt", description = ApiDocs.FILE_NAME_RULE)
        String fileName,

        @Schema(
                required = true,
                example = "3f2a9c4e1b7d4f0a8e6c5b2d1a0f9e8d",
                description = "A `version` from `GET /file/versions`.")
        String version)
        implements JsonRequest {}
