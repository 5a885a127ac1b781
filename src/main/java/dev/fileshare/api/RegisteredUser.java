package dev.fileshare.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegisteredUser", description = "The account just created.")
public record RegisteredUser(
        @Schema(required = true, example = "alice") String username) {}
