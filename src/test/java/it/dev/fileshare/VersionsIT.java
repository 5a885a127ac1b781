package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Versions: an overwrite keeps what it replaces; {@code GET /file/versions} lists them newest first, {@code GET
 * /file?version=} reads one (owner and grantees, with Range and conditions), {@code POST /file/restore} makes a
 * copy of one current. In both store modes (the aws mode's on the bucket's own versions).
 */
class VersionsIT {
    private final FileshareClient client = new FileshareClient();
    private Session owner;
    private Session grantee;

    @BeforeEach
    void writeThreeVersions() {
        owner = client.signUp("ver-owner");
        grantee = client.signUp("ver-grantee");
        for (String content : List.of("first", "second!", "third version")) {
            assertThat(client.uploadBinary(owner.token(), "notes.txt", Contents.text(content))
                            .status())
                    .isBetween(200, 201);
        }
        assertThat(client.share(owner.token(), "notes.txt", grantee.username()).status())
                .isEqualTo(200);
    }

    @Test
    void listsTheVersionsNewestFirstWithTheCurrentOneMarked() {
        List<JsonObject> versions = versions(owner, null);

        assertThat(versions).extracting(v -> v.getInt("size")).containsExactly(13, 7, 5);
        assertThat(versions).extracting(v -> v.getBoolean("current")).containsExactly(true, false, false);
        assertThat(versions).extracting(v -> v.getString("version")).doesNotHaveDuplicates();
        assertThat(versions.get(0).getString("etag"))
                .isEqualTo(client.download(owner.token(), "notes.txt")
                        .header("ETag")
                        .orElseThrow());
        assertThat(versions.get(0).getString("modified")).isNotBlank();
        assertThat(versions(grantee, owner.username())).isEqualTo(versions);
    }

    @Test
    void readsAnOlderVersionAsOwnerAndGranteeWithRangeAndConditions() {
        JsonObject first = versions(owner, null).get(2);
        String version = first.getString("version");

        ApiResponse whole = client.downloadVersion(owner.token(), null, "notes.txt", version);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(Contents.text("first"));
        assertThat(whole.header("ETag")).contains(first.getString("etag"));

        ApiResponse shared = client.downloadVersion(grantee.token(), owner.username(), "notes.txt", version);
        assertThat(shared.body()).isEqualTo(Contents.text("first"));

        ApiResponse range = client.downloadVersion(owner.token(), null, "notes.txt", version, "Range", "bytes=1-3");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Contents.text("irs"));
        assertThat(range.header("Content-Range")).contains("bytes 1-3/5");

        ApiResponse notModified = client.downloadVersion(
                owner.token(), null, "notes.txt", version, "If-None-Match", first.getString("etag"));
        assertThat(notModified.status()).isEqualTo(304);
        assertProblem(client.downloadVersion(owner.token(), null, "notes.txt", version, "Range", "bytes=50-60"), 416);
    }

    @Test
    void restoresACopyOfAnOlderVersionAsANewCurrentVersion() {
        String firstVersion = versions(owner, null).get(2).getString("version");

        ApiResponse restored = client.restoreVersion(owner.token(), "notes.txt", firstVersion);

        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        JsonObject entry = restored.json();
        assertThat(entry.getString("key")).isEqualTo(owner.username() + "/notes.txt");
        assertThat(entry.getInt("size")).isEqualTo(5);
        assertThat(client.download(owner.token(), "notes.txt").body()).isEqualTo(Contents.text("first"));
        assertThat(client.download(grantee.token(), owner.username(), "notes.txt")
                        .body())
                .as("the share stays")
                .isEqualTo(Contents.text("first"));
        List<JsonObject> versions = versions(owner, null);
        assertThat(versions).extracting(v -> v.getInt("size")).containsExactly(5, 13, 7, 5);
        assertThat(versions.get(0).getString("etag")).isEqualTo(entry.getString("etag"));
        assertThat(versions.get(3).getString("version")).isEqualTo(firstVersion);
    }

    @Test
    void unknownVersionsFilesAndCallersAre404AndBadVersionsAre400() {
        String version = versions(owner, null).get(1).getString("version");
        Session stranger = client.signUp("ver-stranger");

        assertProblem(client.downloadVersion(owner.token(), null, "notes.txt", "0123456789abcdef"), 404);
        assertProblem(client.restoreVersion(owner.token(), "notes.txt", "0123456789abcdef"), 404);
        assertProblem(client.versions(owner.token(), null, "absent.txt"), 404);
        assertProblem(client.versions(stranger.token(), owner.username(), "notes.txt"), 404);
        assertProblem(client.downloadVersion(stranger.token(), owner.username(), "notes.txt", version), 404);
        // A grantee reads versions but restores none: the restore names a file of the caller's own.
        assertProblem(client.restoreVersion(grantee.token(), "notes.txt", version), 404);
        assertInvalid(client.downloadVersion(owner.token(), null, "notes.txt", ""), "version");
        assertInvalid(client.downloadVersion(owner.token(), null, "notes.txt", "a b"), "version");
        assertInvalid(client.restoreVersion(owner.token(), "notes.txt", ""), "version");
        assertProblem(
                FileshareClient.send(client.request("file/versions?file_name=notes.txt", null)
                        .GET()),
                401);
    }

    private List<JsonObject> versions(Session who, String ownerName) {
        ApiResponse listed = client.versions(who.token(), ownerName, "notes.txt");
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        return listed.jsonArray().getValuesAs(JsonObject.class);
    }
}
