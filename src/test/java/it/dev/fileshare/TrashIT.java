package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trash: {@code DELETE /file} moves a file there with its versions (its shares and links end at once);
 * {@code GET /trash} lists it, {@code POST /trash/restore} brings it back without its shares or links (409 over a
 * file of that name), {@code DELETE /trash} purges it.
 */
class TrashIT {
    private final FileshareClient client = new FileshareClient();
    private Session owner;
    private Session grantee;

    @BeforeEach
    void deleteASharedFileWithAnOlderVersion() {
        owner = client.signUp("trash-owner");
        grantee = client.signUp("trash-grantee");
        assertThat(client.uploadBinary(owner.token(), "doomed.txt", Contents.text("old"))
                        .status())
                .isEqualTo(201);
        assertThat(client.uploadBinary(owner.token(), "doomed.txt", Contents.text("newest"))
                        .status())
                .isEqualTo(200);
        assertThat(client.share(owner.token(), "doomed.txt", grantee.username()).status())
                .isEqualTo(200);
        assertThat(client.createLink(owner.token(), "doomed.txt").status()).isEqualTo(201);
        assertThat(client.deleteFile(owner.token(), "doomed.txt").status()).isEqualTo(204);
    }

    @Test
    void aDeletedFileIsListedInTheTrashOnlyForItsOwner() {
        List<JsonObject> trash = trash(owner);

        assertThat(trash).hasSize(1);
        JsonObject entry = trash.get(0);
        assertThat(entry.getString("file_name")).isEqualTo("doomed.txt");
        assertThat(entry.getInt("size")).isEqualTo(6);
        Instant deleted = Instant.parse(entry.getString("deleted"));
        assertThat(deleted)
                .isBetween(
                        Instant.now().minus(Duration.ofMinutes(5)),
                        Instant.now().plusSeconds(5));
        assertThat(Instant.parse(entry.getString("purge_at"))).isEqualTo(deleted.plus(Duration.ofDays(30)));
        assertThat(trash(grantee)).isEmpty();
        assertProblem(client.download(owner.token(), "doomed.txt"), 404);
        assertProblem(client.download(grantee.token(), owner.username(), "doomed.txt"), 404);
    }

    @Test
    void aRestoreBringsBackTheFileAndItsVersionsButNotItsSharesOrLinks() {
        ApiResponse restored = client.restoreFromTrash(owner.token(), "doomed.txt");

        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        assertThat(restored.json().getString("key")).isEqualTo(owner.username() + "/doomed.txt");
        assertThat(client.download(owner.token(), "doomed.txt").body()).isEqualTo(Contents.text("newest"));
        ApiResponse versions = client.versions(owner.token(), null, "doomed.txt");
        assertThat(versions.jsonArray().getValuesAs(JsonObject.class))
                .extracting(v -> v.getInt("size"))
                .containsExactly(6, 3);
        assertThat(trash(owner)).isEmpty();
        assertProblem(client.download(grantee.token(), owner.username(), "doomed.txt"), 404);
        assertThat(client.listLinks(owner.token(), "doomed.txt").jsonArray()).isEmpty();
        assertProblem(client.restoreFromTrash(owner.token(), "doomed.txt"), 404);
    }

    @Test
    void aRestoreOverAFileOfThatNameIs409AndChangesNothing() {
        assertThat(client.uploadBinary(owner.token(), "doomed.txt", Contents.text("reborn"))
                        .status())
                .isEqualTo(201);

        assertProblem(client.restoreFromTrash(owner.token(), "doomed.txt"), 409);

        assertThat(client.download(owner.token(), "doomed.txt").body()).isEqualTo(Contents.text("reborn"));
        assertThat(trash(owner)).hasSize(1);
    }

    @Test
    void aPurgeDropsTheFileForGood() {
        ApiResponse purged = client.purge(owner.token(), "doomed.txt");

        assertThat(purged.status()).as("%s", purged).isEqualTo(204);
        assertThat(trash(owner)).isEmpty();
        assertProblem(client.purge(owner.token(), "doomed.txt"), 404);
        assertProblem(client.restoreFromTrash(owner.token(), "doomed.txt"), 404);
    }

    @Test
    void badNamesAre400AndNoSessionIs401() {
        assertProblem(client.purge(owner.token(), ""), 400);
        assertProblem(client.restoreFromTrash(owner.token(), "a/b"), 400);
        assertProblem(FileshareClient.send(client.request("trash", null).GET()), 401);
        assertProblem(
                FileshareClient.send(client.request("trash/restore", owner.token())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"file_name\":"))),
                400);
    }

    private List<JsonObject> trash(Session who) {
        ApiResponse listed = client.trash(who.token());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        return listed.jsonArray().getValuesAs(JsonObject.class);
    }
}
