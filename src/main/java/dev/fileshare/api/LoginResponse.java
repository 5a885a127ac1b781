package dev.fileshare.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "LoginResponse",
        description = "A session token; send it as `x-session-token` or `Authorization: Bearer`.")
@JsonbPropertyOrder({"token", "expiresAt"})
public record LoginResponse(
        @Schema(
                required = true,
                example = "q0mB3x1n2Kp8n6dIUeYtQjX6b6u5xJ0c2dL0d9m1C3A",
                description = "256 random bits, URL-safe Base64.")
        String token,

        @JsonbProperty("expires_at")
        @Schema(name = "expires_at", required = true, format = "date-time", example = "2026-11-25T11:23:25Z")
        Instant expiresAt) {

    @Override
    public String toString() {
        return "LoginResponse[token=****, expiresAt=" + expiresAt + "]";
    }
}
