package dev.fileshare.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The original API answered some calls with {@code {}}; so does this one. */
@Schema(name = "Empty", description = "An empty JSON object.")
public record Empty() {
    public static final Empty INSTANCE = new Empty();
}
