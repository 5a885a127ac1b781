package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@CarriesFileContent
@Schema(
        name = "FileUpload",
        description = "A file in the original JSON form: its name and its content in standard Base64.")
public record FileUpload(
        @JsonbProperty("file_name")
        @Schema(
                name = "file_name",
                required = true,
                example = "notes.txt",
                minLength = 1,
                description = ApiDocs.FILE_NAME_RULE)
        String fileName,

        @Schema(
                required = true,
                format = "byte",
                example = "aGVsbG8=",
                description = "Standard Base64 (RFC 4648), padding required, no line breaks.")
        String content)
        implements JsonRequest {

    @Override
    public String toString() {
        return "FileUpload[fileName=" + fileName + ", content=" + (content == null ? 0 : content.length()) + " chars]";
    }
}
