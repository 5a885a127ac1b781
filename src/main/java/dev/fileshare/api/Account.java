package dev.fileshare.api;

import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.port.UserAccount;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Account", description = "The caller's account and what it stores.")
@JsonbPropertyOrder({"username", "created", "used_bytes", "files", "quota_bytes", "quota_files"})
public record Account(
        @Schema(required = true, example = "alice") String username,

        @Schema(
                required = true,
                format = "date-time",
                example = "2026-11-24T10:00:00Z",
                description = "When the user registered.")
        Instant created,

        @JsonbProperty("used_bytes")
        @Schema(
                name = "used_bytes",
                required = true,
                example = "1048576",
                description =
                        "The bytes of the caller's files with their kept older versions and the caller's trash, as the "
                                + "byte quota counts them.")
        long usedBytes,

        @Schema(required = true, example = "3", description = "How many files the caller owns.")
        long files,

        @JsonbProperty("quota_bytes")
        @JsonbNillable
        @Schema(
                name = "quota_bytes",
                required = true,
                nullable = true,
                description = "The most bytes the caller may store; null: no limit.")
        Long quotaBytes,

        @JsonbProperty("quota_files")
        @JsonbNillable
        @Schema(
                name = "quota_files",
                required = true,
                nullable = true,
                description = "The most files the caller may own; null: no limit.")
        Long quotaFiles) {

    static Account of(UserAccount account, Usage usage, Quota quota) {
        return new Account(
                account.username().value(),
                account.createdAt(),
                usage.bytes(),
                usage.files(),
                quota.bytes().isPresent() ? quota.bytes().getAsLong() : null,
                quota.files().isPresent() ? quota.files().getAsLong() : null);
    }
}
