package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PasswordChange", description = "The caller's current password, to confirm, and the new one.")
public record PasswordChange(
        @JsonbProperty("current_password")
        @Schema(
                name = "current_password",
                required = true,
                example = "correct horse battery staple",
                maxLength = 1024,
                format = "password")
        String currentPassword,

        @JsonbProperty("new_password")
        @Schema(
                name = "new_password",
                required = true,
                example = "staple battery horse correct",
                minLength = 8,
                maxLength = 1024,
                format = "password",
                description = "Held to registration's rules.")
        String newPassword)
        implements JsonRequest {

    @Override
    public String toString() {
        return "PasswordChange[currentPassword=****, newPassword=****]";
    }
}
