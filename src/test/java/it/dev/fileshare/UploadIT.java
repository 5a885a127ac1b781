package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.ListedEntries;
import it.dev.fileshare.support.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT /file as JSON: the file entry on success; 400 for a bad body, name or Base64; 413 past 7 MiB of content. */
class UploadIT {
    private static final int JSON_UPLOAD_LIMIT = 7 * Contents.MIB;
    private static final FileshareClient CLIENT = new FileshareClient();
    private static Session alice;

    @BeforeAll
    static void signUp() {
        alice = CLIENT.signUp("upload");
    }

    @Test
    void answersTheFileEntry() {
        byte[] content = Contents.text("hello");
        Instant before = Instant.now().minusSeconds(2);
        ApiResponse response = CLIENT.upload(alice.token(), "a.txt", content);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        JsonObject entry = response.json();
        assertThat(entry.keySet())
                .containsExactlyInAnyOrder("key", "owner", "file_name", "size", "modified", "etag", "sha256");
        assertThat(entry.getString("key")).isEqualTo(alice.username() + "/a.txt");
        assertThat(entry.getString("owner")).isEqualTo(alice.username());
        assertThat(entry.getString("file_name")).isEqualTo("a.txt");
        assertThat(entry.getJsonNumber("size").longValueExact()).isEqualTo(5);
        OffsetDateTime modified = OffsetDateTime.parse(entry.getString("modified"));
        assertThat(modified.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(modified.toInstant())
                .isBetween(before.minus(Duration.ofSeconds(1)), Instant.now().plusSeconds(2));
        assertThat(entry.getString("etag")).matches("\"[^\"]+\"");
    }

    @Test
    void replacingAFileChangesItsEntryAndContent() {
        JsonObject first = CLIENT.upload(alice.token(), "replace.txt", Contents.text("first"))
                .json();
        ApiResponse second = CLIENT.upload(alice.token(), "replace.txt", Contents.text("second!"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().getJsonNumber("size").longValue()).isEqualTo(7);
        assertThat(second.json().getString("etag")).isNotEqualTo(first.getString("etag"));
        assertThat(CLIENT.download(alice.token(), "replace.txt").body()).isEqualTo(Contents.text("second!"));
        assertThat(CLIENT.list(alice.token()).jsonArray().getValuesAs(JsonObject.class))
                .filteredOn(entry -> entry.getString("file_name").equals("replace.txt"))
                .containsExactly(ListedEntries.ownFile(second.json()));
    }

    @Test
    void zeroByteFileIsAFile() {
        ApiResponse response = CLIENT.uploadBase64(alice.token(), "empty.bin", "");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().getJsonNumber("size").longValue()).isZero();
        ApiResponse download = CLIENT.download(alice.token(), "empty.bin");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "with space.txt",
                " leading and trailing ",
                "résumé.pdf",
                "日本語のファイル",
                "emoji 📄.txt",
                "...",
                ".hidden",
                "a..b",
                "%2e%2e",
                "%2F",
                "C:drive",
                "CON",
                "name?with=query&chars#frag",
                "'quoted' \"double\"",
                "<script>",
                "~",
                "*"
            })
    void oddButValidNamesStayTheirOwner(String fileName) {
        byte[] content = Contents.text("content of " + fileName);
        ApiResponse response = CLIENT.upload(alice.token(), fileName, content);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().getString("key")).isEqualTo(alice.username() + "/" + fileName);
        assertThat(response.json().getString("file_name")).isEqualTo(fileName);
        assertThat(CLIENT.download(alice.token(), fileName).body()).isEqualTo(content);
    }

    @Test
    void nameOf255BytesOfUtf8IsAccepted() {
        String threeByteChars = "€".repeat(85); // 255 bytes
        String asciiName = "n".repeat(255);
        assertThat(CLIENT.upload(alice.token(), threeByteChars, Contents.text("x"))
                        .status())
                .isEqualTo(200);
        assertThat(CLIENT.upload(alice.token(), asciiName, Contents.text("x")).status())
                .isEqualTo(200);
        assertThat(CLIENT.download(alice.token(), threeByteChars).body()).isEqualTo(Contents.text("x"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a/b",
                "/",
                "/etc/passwd",
                "../escape",
                "a\\b",
                "\\",
                "..\\escape",
                ".",
                "..",
                "nul\u0000byte",
                "\u0001",
                "tab\tname",
                "line\nbreak",
                "carriage\rreturn",
                "unit\u001Fseparator",
                "delete\u007F"
            })
    void namesBreakingTheRulesAreRejected(String fileName) {
        assertInvalid(CLIENT.upload(alice.token(), fileName, Contents.text("x")), "file_name");
    }

    @Test
    void namesOver255BytesOfUtf8AreRejected() {
        assertInvalid(CLIENT.upload(alice.token(), "n".repeat(256), Contents.text("x")), "file_name");
        // 86 characters, but 258 bytes: the limit counts bytes.
        assertInvalid(CLIENT.upload(alice.token(), "€".repeat(86), Contents.text("x")), "file_name");
        assertInvalid(CLIENT.upload(alice.token(), "€".repeat(85) + "a", Contents.text("x")), "file_name");
    }

    @Test
    void rejectedNamesStoreNothing() {
        Session bob = CLIENT.signUp("nothing");
        for (String name : new String[] {"..", "../x", "a/b", "."}) {
            assertInvalid(CLIENT.upload(bob.token(), name, Contents.text("x")), "file_name");
        }
        assertThat(CLIENT.list(bob.token()).jsonArray()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aGVsbG8", // missing padding
                "aGVsbG8=\n", // trailing line break
                "aGVs\nbG8=", // line break inside
                "aGVs\r\nbG8=", // MIME line break
                " aGVsbG8=", // white space
                "aGVs*G8=", // outside the alphabet
                "aGVsbG8==", // too much padding
                "aG=sbG8=", // padding inside
                "-_8=", // URL-safe alphabet
                "aGVsbG9=", // non-canonical: unused bits set
                "a",
                "===="
            })
    void contentThatIsNotStrictStandardBase64IsRejected(String content) {
        assertInvalid(CLIENT.uploadBase64(alice.token(), "strict.bin", content), "content");
    }

    @Test
    void standardAlphabetWithPlusAndSlashIsAccepted() {
        byte[] content = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
        String standard = Base64.getEncoder().encodeToString(content);
        assertThat(standard).isEqualTo("+/+/");
        assertThat(CLIENT.uploadBase64(alice.token(), "plus-slash.bin", standard)
                        .status())
                .isEqualTo(200);
        assertThat(CLIENT.download(alice.token(), "plus-slash.bin").body()).isEqualTo(content);
        assertInvalid(
                CLIENT.uploadBase64(
                        alice.token(), "url-safe.bin", Base64.getUrlEncoder().encodeToString(content)),
                "content");
    }

    @Test
    void missingFieldsAreRejected() {
        assertInvalid(
                putRaw(Json.createObjectBuilder()
                        .add("content", "aGVsbG8=")
                        .build()
                        .toString()),
                "file_name");
        assertInvalid(
                putRaw(Json.createObjectBuilder()
                        .add("file_name", "x.txt")
                        .build()
                        .toString()),
                "content");
        assertInvalid(
                putRaw(Json.createObjectBuilder()
                        .add("file_name", "x.txt")
                        .add("content", 5)
                        .build()
                        .toString()),
                "content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{\"file_name\": \"x\", \"content\": \"aGVsbG8=\"", "file_name=x&content=y"})
    void malformedBodiesAreRejected(String body) {
        assertProblem(putRaw(body), 400);
    }

    @Test
    void contentOfExactlyTheLimitIsAccepted() {
        byte[] content = Contents.random(7, JSON_UPLOAD_LIMIT);
        ApiResponse response = CLIENT.upload(alice.token(), "at-limit.bin", content);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().getJsonNumber("size").longValue()).isEqualTo(JSON_UPLOAD_LIMIT);
        assertThat(Contents.sha256(
                        CLIENT.download(alice.token(), "at-limit.bin").body()))
                .isEqualTo(Contents.sha256(content));
    }

    @Test
    void contentOverTheLimitIs413NamingTheBinaryUpload() {
        byte[] content = Contents.random(8, JSON_UPLOAD_LIMIT + 1);
        JsonObject problem = assertProblem(CLIENT.upload(alice.token(), "over-limit.bin", content), 413);
        assertThat(problem.getString("detail")).contains("binary upload").contains("application/octet-stream");
        assertProblem(CLIENT.download(alice.token(), "over-limit.bin"), 404);
    }

    @Test
    void bodyFarOverTheLimitIs413BeforeItIsRead() {
        // 12 MiB of content: the body is past the JSON reader's own cap, so the reader refuses it before the resource
        // runs.
        byte[] content = Contents.random(9, 12 * Contents.MIB);
        JsonObject problem = assertProblem(CLIENT.upload(alice.token(), "far-over.bin", content), 413);
        assertThat(problem.getString("detail")).contains("binary upload");
        assertProblem(CLIENT.download(alice.token(), "far-over.bin"), 404);
    }

    private ApiResponse putRaw(String body) {
        return FileshareClient.send(CLIENT.request("file", alice.token())
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body)));
    }
}
