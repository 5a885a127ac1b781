package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileEntryTest {

    @Test
    void streamsTheFieldsJsonbWritesInTheSameOrderAndFormats() {
        FileVersion entry = new FileVersion(
                new FileKey(new Username("alice"), new FileName("a \"b\" ü😀.txt")),
                5,
                Instant.parse("2026-11-24T11:23:25Z"),
                "\"5d41402abc4b2a76b9719d911017c592\"");
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(text)) {
            FileEntry.of(entry).writeTo(json);
        }
        JsonObject written =
                Json.createReader(new StringReader(text.toString())).readObject();
        assertThat(written.keySet()).containsExactly("key", "owner", "file_name", "size", "modified", "etag");
        assertThat(written.getString("key")).isEqualTo("alice/a \"b\" ü😀.txt");
        assertThat(written.getString("owner")).isEqualTo("alice");
        assertThat(written.getString("file_name")).isEqualTo("a \"b\" ü😀.txt");
        assertThat(written.getJsonNumber("size").longValueExact()).isEqualTo(5);
        assertThat(written.getString("modified")).isEqualTo("2026-11-24T11:23:25Z");
        assertThat(written.getString("etag")).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    }

    @Test
    void equalViewsHashAlike() {
        FileVersion entry = new FileVersion(
                new FileKey(new Username("bob"), new FileName("x")),
                1,
                Instant.parse("2026-11-24T11:23:25Z"),
                "\"00000000000000000000000000000000\"");
        assertThat(FileEntry.of(entry)).isEqualTo(FileEntry.of(entry));
        assertThat(FileEntry.of(entry).hashCode()).isEqualTo(FileEntry.of(entry).hashCode());
    }
}
