package it.dev.fileshare.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One answer of the server: status, headers and the body's bytes, with readers for its usual shapes. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    public JsonObject json() {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }

    public JsonArray jsonArray() {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readArray();
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type without parameters, lower case; empty when none was sent. */
    public String mediaType() {
        return header("Content-Type")
                .map(type -> type.split(";")[0].trim().toLowerCase())
                .orElse("");
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        // AssertJ prints this on failure: the status and the start of the body say what went wrong.
        String shown = text();
        return "HTTP " + status + " " + headers.firstValue("Content-Type").orElse("") + " "
                + (shown.length() > 500 ? shown.substring(0, 500) + "..." : shown);
    }
}
