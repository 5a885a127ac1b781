package dev.fileshare.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Credentials", description = "A username and password, to register or to log in.")
public record Credentials(
        @Schema(required = true, example = "alice", pattern = "^[A-Za-z0-9_-]{1,64}$", minLength = 1, maxLength = 64)
        String username,

        @Schema(
                required = true,
                example = "correct horse battery staple",
                minLength = 8,
                maxLength = 1024,
                format = "password")
        String password)
        implements JsonRequest {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=****]";
    }
}
