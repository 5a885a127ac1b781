package dev.fileshare.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeleteAccountRequest", description = "The caller's password, to confirm the deletion of the account.")
public record DeleteAccountRequest(
        @Schema(required = true, example = "correct horse battery staple", maxLength = 1024, format = "password")
        String password)
        implements JsonRequest {

    @Override
    public String toString() {
        return "DeleteAccountRequest[password=****]";
    }
}
