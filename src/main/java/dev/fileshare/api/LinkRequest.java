package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkRequest", description = "Which of the caller's files to make a public link to, and its limits.")
public record LinkRequest(
        @JsonbProperty("file_name") @Schema(name = "file_name", required = true, example = "notes.txt")
        String fileName,

        @JsonbProperty("expires_in")
        @Schema(
                name = "expires_in",
                minimum = "1",
                example = "86400",
                description = "Seconds until the link expires: by default 7 days, at most the configured maximum "
                        + "(365 days by default).")
        Long expiresIn,

        @Schema(
                example = "correct horse",
                description = "1-1024 characters a downloader must send as HTTP Basic credentials (any user name); "
                        + "stored only as an Argon2id hash. None by default.")
        String password,

        @JsonbProperty("max_downloads")
        @Schema(
                name = "max_downloads",
                minimum = "1",
                example = "3",
                description = "How many complete downloads the link serves; no limit by default.")
        Long maxDownloads)
        implements JsonRequest {

    @Override
    public String toString() {
        return "LinkRequest[fileName=" + fileName + ", expiresIn=" + expiresIn + ", password="
                + (password == null ? "none" : "****") + ", maxDownloads=" + maxDownloads + "]";
    }
}
