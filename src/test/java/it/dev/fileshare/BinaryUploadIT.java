package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.ListedEntries;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PUT /file as application/octet-stream: 201 with Location when it creates, 200 when it replaces, the file entry
 * and its ETag; byte-exact round trips streamed from and to disk; the JSON and binary forms are one resource.
 */
class BinaryUploadIT {
    private static final FileshareClient CLIENT = new FileshareClient();
    private static Session alice;

    @TempDir
    Path dir;

    @BeforeAll
    static void signUp() {
        alice = CLIENT.signUp("bin-alice");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, Contents.MIB})
    void roundTripsByteExactThroughFilesOnDisk(int size) throws IOException {
        String name = "round-trip-" + size + ".bin";
        Path source = Files.write(dir.resolve("source.bin"), Contents.random(size, size));

        ApiResponse upload = CLIENT.uploadFile(alice.token(), name, source);
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        assertThat(upload.json().getJsonNumber("size").longValue()).isEqualTo(size);

        HttpResponse<Path> download =
                CLIENT.downloadToFile(alice.token(), alice.username(), name, dir.resolve("copy.bin"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Length")).contains(String.valueOf(size));
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/octet-stream"));
        assertThat(Files.size(download.body())).isEqualTo(size);
        assertThat(Files.mismatch(source, download.body())).isEqualTo(-1);
    }

    @Test
    void createsWith201AndLocationThenReplacesWith200() {
        String name = "report ü.bin";
        byte[] first = Contents.random(10, 5000);
        ApiResponse created = CLIENT.uploadBinary(alice.token(), name, first);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.mediaType()).isEqualTo("application/json");
        URI location =
                FileshareServer.baseUri().resolve(created.header("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/file");
        assertThat(URLDecoder.decode(location.getRawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("file_name=" + name);
        JsonObject entry = created.json();
        assertEntry(entry, name, first.length);
        assertThat(created.header("ETag")).contains(entry.getString("etag"));
        // The Location is where the file is.
        ApiResponse atLocation = FileshareClient.send(
                CLIENT.request(location.toString(), alice.token()).GET());
        assertThat(atLocation.body()).isEqualTo(first);

        byte[] second = Contents.random(11, 7000);
        ApiResponse replaced = CLIENT.uploadBinary(alice.token(), name, second);
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.header("Location")).isEmpty();
        assertEntry(replaced.json(), name, second.length);
        assertThat(replaced.header("ETag")).contains(replaced.json().getString("etag"));
        assertThat(replaced.json().getString("etag")).isNotEqualTo(entry.getString("etag"));
        assertThat(CLIENT.download(alice.token(), name).body()).isEqualTo(second);
    }

    @Test
    void theDownloadCarriesTheEntrysEtagAndLastModified() {
        ApiResponse upload = CLIENT.uploadBinary(alice.token(), "headers.bin", Contents.random(12, 100));
        ApiResponse download = CLIENT.download(alice.token(), "headers.bin");

        assertThat(download.header("ETag")).contains(upload.json().getString("etag"));
        assertThat(download.header("Last-Modified")).isPresent();
        assertThat(download.header("Accept-Ranges")).contains("bytes");
        assertThat(download.header("Content-Disposition"))
                .hasValueSatisfying(
                        value -> assertThat(value).startsWith("attachment;").contains("filename=\"headers.bin\""));
    }

    @Test
    void contentDispositionNamesANonAsciiFileExactlyInFilenameStar() {
        String name = "Grüße «Ω» 日本 report.pdf";
        CLIENT.uploadBinary(alice.token(), name, Contents.text("x"));

        String disposition = CLIENT.download(alice.token(), name)
                .header("Content-Disposition")
                .orElseThrow();

        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(encoded).matches("[A-Za-z0-9!#$&+.^_`|~%-]+");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(name);
        // The plain filename is an ASCII stand-in.
        assertThat(disposition).containsPattern("filename=\"[\\x20-\\x7E]+\"");
    }

    @Test
    void jsonAndBinaryFormsAreTheSameFile() {
        byte[] binary = Contents.random(13, 2000);
        ApiResponse put = CLIENT.uploadBinary(alice.token(), "both-forms.bin", binary);
        assertThat(put.status()).isEqualTo(201);
        assertThat(CLIENT.downloadBase64(alice.token(), alice.username(), "both-forms.bin")
                        .text())
                .isEqualTo(Base64.getEncoder().encodeToString(binary));
        assertThat(entryInList("both-forms.bin")).isEqualTo(ListedEntries.ownFile(put.json()));

        byte[] json = Contents.random(14, 3000);
        ApiResponse jsonPut = CLIENT.upload(alice.token(), "both-forms.bin", json);
        assertThat(jsonPut.status()).isEqualTo(200);
        assertEntry(jsonPut.json(), "both-forms.bin", json.length);
        ApiResponse raw = CLIENT.download(alice.token(), "both-forms.bin");
        assertThat(raw.body()).isEqualTo(json);
        assertThat(raw.header("ETag")).contains(jsonPut.json().getString("etag"));
        assertThat(entryInList("both-forms.bin")).isEqualTo(ListedEntries.ownFile(jsonPut.json()));
    }

    private static JsonObject entryInList(String name) {
        return CLIENT.list(alice.token()).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("file_name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void assertEntry(JsonObject entry, String name, long size) {
        assertThat(entry.getString("key")).isEqualTo(alice.username() + "/" + name);
        assertThat(entry.getString("owner")).isEqualTo(alice.username());
        assertThat(entry.getString("file_name")).isEqualTo(name);
        assertThat(entry.getJsonNumber("size").longValue()).isEqualTo(size);
        assertThat(entry.getString("modified")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|\\+00:00)");
        assertThat(entry.getString("etag")).matches("\"[^\"]+\"");
    }
}
