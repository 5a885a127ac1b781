package dev.fileshare.api;

import dev.fileshare.core.port.LinkAccess;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkAccess", description = "One request to a public link, as its access log keeps it.")
@JsonbPropertyOrder({"at", "address", "userAgent", "status", "bytes"})
public record LinkAccessEntry(
        @Schema(required = true, format = "date-time", example = "2026-11-24T12:00:03.512Z")
        Instant at,

        @Schema(
                required = true,
                example = "203.0.113.0/24",
                description = "The client's network, not its address: IPv4 to /24, IPv6 to /48; `unknown` when "
                        + "the service could not tell.")
        String address,

        @JsonbProperty("user_agent")
        @Schema(
                name = "user_agent",
                required = true,
                example = "curl/8.5.0",
                description = "As the client sent it (at most 256 characters; empty when it sent none).")
        String userAgent,

        @Schema(required = true, example = "200", description = "The HTTP status the link answered.")
        int status,

        @Schema(required = true, example = "1048576", minimum = "0", description = "Body bytes sent.")
        long bytes) {

    static LinkAccessEntry of(LinkAccess access) {
        return new LinkAccessEntry(access.at(), access.address(), access.userAgent(), access.status(), access.bytes());
    }
}
