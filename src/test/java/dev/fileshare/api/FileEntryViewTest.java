package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.FileEntry;
import dev.fileshare.core.FileKey;
import dev.fileshare.core.FileName;
import dev.fileshare.core.Username;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileEntryViewTest {

    @Test
    void streamsTheFieldsJsonbWritesInTheSameOrderAndFormats() {
        FileEntry entry = new FileEntry(new FileKey(new Username("alice"), new FileName("a \"b\" ü😀.txt")), 5,
                Instant.parse("2026-11-24T11:23:25Z"), "\"5d41402abc4b2a76b9719d911017c592\"");
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(text)) {
            FileEntryView.of(entry).writeTo(json);
        }
        JsonObject written = Json.createReader(new StringReader(text.toString())).readObject();
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
        FileEntry entry = new FileEntry(new FileKey(new Username("bob"), new FileName("x")), 1,
                Instant.parse("2026-11-24T11:23:25Z"), "\"00000000000000000000000000000000\"");
        assertThat(FileEntryView.of(entry)).isEqualTo(FileEntryView.of(entry));
        assertThat(FileEntryView.of(entry).hashCode()).isEqualTo(FileEntryView.of(entry).hashCode());
    }
}
