package dev.fileshare.api;

import dev.fileshare.core.FileEntry;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FileEntry", description = "A stored file. `key`, `size` and `modified` are the original API's fields.")
@JsonbPropertyOrder({"key", "owner", "fileName", "size", "modified", "etag"})
public record FileEntryView(
        @Schema(required = true, example = "alice/notes.txt", description = "\"<owner>/<file_name>\"") String key,
        @Schema(required = true, example = "alice") String owner,
        @JsonbProperty("file_name") @Schema(name = "file_name", required = true, example = "notes.txt") String fileName,
        @Schema(required = true, example = "5", minimum = "0", description = "Bytes of content.") long size,
        @Schema(required = true, format = "date-time", example = "2026-11-24T11:23:25Z") Instant modified,
        @Schema(required = true, example = "\"5d41402abc4b2a76b9719d911017c592\"",
                description = "Strong entity tag of this version, quoted as in HTTP.") String etag) {

    static FileEntryView of(FileEntry entry) {
        return new FileEntryView(entry.key().value(), entry.key().owner().value(), entry.key().fileName().value(),
                entry.size(), entry.modified(), entry.etag());
    }
}
