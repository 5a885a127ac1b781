package dev.fileshare.api;

import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Sha256Digest;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FileEntry", description = "A stored file. `key`, `size` and `modified` are the original API's fields.")
@JsonbPropertyOrder({"key", "owner", "fileName", "size", "modified", "etag", "sha256"})
public record FileEntry(
        @Schema(required = true, example = "alice/notes.txt", description = "\"<owner>/<file_name>\"")
        String key,

        @Schema(required = true, example = "alice") String owner,

        @JsonbProperty("file_name")
        @Schema(
                name = "file_name",
                required = true,
                example = "notes.txt",
                description = "In Unicode NFC, whichever spelling of it the upload sent.")
        String fileName,

        @Schema(required = true, example = "5", minimum = "0", description = "Bytes of content.")
        long size,

        @Schema(required = true, format = "date-time", example = "2026-11-24T11:23:25Z")
        Instant modified,

        @Schema(
                required = true,
                example = "\"5d41402abc4b2a76b9719d911017c592\"",
                description = "Strong entity tag of this version, quoted as in HTTP.")
        String etag,

        @Schema(
                example = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                pattern = "^[0-9a-f]{64}$",
                description = "SHA-256 of the content, 64 lower-case hex digits (as `Repr-Digest` sends it in Base64); "
                        + "absent when the store does not know it (a version stored before digests were kept; in the "
                        + "aws store, files written in parts and the caller's own files in `GET /files`).")
        String sha256) {

    /** Consistent with equals, but hashes no strings: JSON-B hashes every object it writes, and these are fresh. */
    @Override
    public int hashCode() {
        return 31 * Long.hashCode(size) + (modified == null ? 0 : modified.hashCode());
    }

    /**
     * Writes this entry as JSON-B writes the record (the same names, order and formats: JSON-B's default for an
     * Instant is ISO-8601 in UTC), for the listing, which streams its JSON instead of building it in a String.
     */
    void writeTo(JsonGenerator json) {
        json.writeStartObject()
                .write("key", key)
                .write("owner", owner)
                .write("file_name", fileName)
                .write("size", size)
                .write("modified", DateTimeFormatter.ISO_INSTANT.format(modified))
                .write("etag", etag);
        if (sha256 != null) {
            json.write("sha256", sha256);
        }
        json.writeEnd();
    }

    static FileEntry of(FileVersion entry) {
        return new FileEntry(
                entry.key().value(),
                entry.key().owner().value(),
                entry.key().fileName().value(),
                entry.size(),
                entry.modified(),
                entry.etag(),
                entry.sha256().map(Sha256Digest::hex).orElse(null));
    }
}
