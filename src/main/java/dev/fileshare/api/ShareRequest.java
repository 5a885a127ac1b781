package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ShareRequest", description = "Which of the caller's files to share, and with whom.")
public record ShareRequest(
        @JsonbProperty("file_name")
        @Schema(name = "file_name", required = true, example = "notes.txt", description = ApiDocs.FILE_NAME_RULE)
        String fileName,

        @Schema(required = true, example = "bob", description = "The user to share with.")
        String username)
        implements JsonRequest {}
