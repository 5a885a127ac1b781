package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrashRestoreRequest", description = "Which file to bring back from the caller's trash.")
public record TrashRestoreRequest(
        @JsonbProperty("file_name")
        @Schema(name = "file_name", required = true, example = "notes.txt", description = ApiDocs.FILE_NAME_RULE)
        String fileName)
        implements JsonRequest {}
