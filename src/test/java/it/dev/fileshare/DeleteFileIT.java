package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DELETE /file: 204, then the file is gone for its owner and its grantees, and so are its shares: a new file of
 * the same name starts unshared. A missing file is 404.
 */
class DeleteFileIT {
    private final FileshareClient client = new FileshareClient();
    private Session owner;
    private Session grantee;

    @BeforeEach
    void shareAFile() {
        owner = client.signUp("del-owner");
        grantee = client.signUp("del-grantee");
        assertThat(client.uploadBinary(owner.token(), "doomed.txt", Contents.text("soon gone"))
                        .status())
                .isEqualTo(201);
        assertThat(client.upload(owner.token(), "kept.txt", Contents.text("stays"))
                        .status())
                .isEqualTo(200);
        assertThat(client.share(owner.token(), "doomed.txt", grantee.username()).status())
                .isEqualTo(200);
        assertThat(client.download(grantee.token(), owner.username(), "doomed.txt")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void deletesTheFileForEveryone() {
        ApiResponse deleted = delete(owner, "doomed.txt");

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(client.download(owner.token(), "doomed.txt"), 404);
        assertProblem(client.download(grantee.token(), owner.username(), "doomed.txt"), 404);
        assertThat(keys(owner)).containsExactly(owner.username() + "/kept.txt");
        assertThat(keys(grantee)).isEmpty();
        assertProblem(grantees("doomed.txt"), 404);
        assertProblem(client.downloadUrl(grantee.token(), owner.username(), "doomed.txt"), 404);
    }

    @Test
    void aNewFileOfTheSameNameIsNotSharedAgain() {
        assertThat(delete(owner, "doomed.txt").status()).isEqualTo(204);

        assertThat(client.uploadBinary(owner.token(), "doomed.txt", Contents.text("reborn"))
                        .status())
                .isEqualTo(201);

        assertProblem(client.download(grantee.token(), owner.username(), "doomed.txt"), 404);
        assertThat(keys(grantee)).isEmpty();
        ApiResponse shares = grantees("doomed.txt");
        assertThat(shares.status()).isEqualTo(200);
        assertThat(shares.jsonArray()).isEmpty();
        assertThat(client.download(owner.token(), "doomed.txt").body()).isEqualTo(Contents.text("reborn"));
    }

    @Test
    void aMissingFileIs404() {
        assertProblem(delete(owner, "no-such.txt"), 404);
        assertThat(delete(owner, "doomed.txt").status()).isEqualTo(204);
        assertProblem(delete(owner, "doomed.txt"), 404);
    }

    @Test
    void onlyTheOwnerDeletes() {
        // The grantee's DELETE names a file of the grantee's own, which does not exist.
        assertProblem(delete(grantee, "doomed.txt"), 404);
        assertThat(client.download(owner.token(), "doomed.txt").body()).isEqualTo(Contents.text("soon gone"));
        assertProblem(
                FileshareClient.send(
                        client.request("file?file_name=doomed.txt", null).DELETE()),
                401);
        assertThat(client.download(owner.token(), "doomed.txt").status()).isEqualTo(200);
    }

    private ApiResponse delete(Session who, String name) {
        return FileshareClient.send(client.request("file?file_name=" + FileshareClient.encode(name), who.token())
                .DELETE());
    }

    private ApiResponse grantees(String name) {
        return FileshareClient.send(client.request("shares?file_name=" + FileshareClient.encode(name), owner.token())
                .GET());
    }

    private java.util.List<String> keys(Session who) {
        return client.list(who.token()).jsonArray().getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getString("key"))
                .toList();
    }
}
