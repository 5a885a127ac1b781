package it.dev.fileshare;

import static it.dev.fileshare.Problems.assertInvalid;
import static it.dev.fileshare.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * DELETE /shared: a grantee removes a file shared with them from their list (204, idempotent); after that they
 * can neither list nor read it, and the owner's grantee list no longer names them.
 */
@MicroShedTest
class LeaveShareIT {
    private final FileshareClient client = new FileshareClient();
    private Session owner;
    private Session bob;

    @BeforeEach
    void shareWithBob() {
        owner = client.signUp("lv-owner");
        bob = client.signUp("lv-bob");
        client.uploadBinary(owner.token(), "junk.txt", Contents.text("unwanted"));
        assertThat(client.share(owner.token(), "junk.txt", bob.username()).status())
                .isEqualTo(200);
    }

    @Test
    void aGranteeLeavesAShare() {
        ApiResponse left = client.leave(bob.token(), owner.username(), "junk.txt");

        assertThat(left.status()).as("%s", left).isEqualTo(204);
        assertThat(left.body()).isEmpty();
        assertThat(client.list(bob.token()).jsonArray()).isEmpty();
        assertProblem(client.download(bob.token(), owner.username(), "junk.txt"), 404);
        assertThat(FileshareClient.send(client.request("shares?file_name=junk.txt", owner.token())
                                .GET())
                        .jsonArray())
                .isEmpty();
        assertThat(client.download(owner.token(), "junk.txt").body()).isEqualTo(Contents.text("unwanted"));
    }

    @Test
    void leavingIsIdempotentAndRevealsNothing() {
        assertThat(client.leave(bob.token(), owner.username(), "junk.txt").status())
                .isEqualTo(204);
        assertThat(client.leave(bob.token(), owner.username(), "junk.txt").status())
                .isEqualTo(204);
        // Never shared, or no such file or owner: the same answer.
        assertThat(client.leave(bob.token(), owner.username(), "no-such.txt").status())
                .isEqualTo(204);
        assertThat(client.leave(bob.token(), "nobody-at-all", "junk.txt").status())
                .isEqualTo(204);
    }

    @Test
    void theOwnerMayShareAgainAfterwards() {
        client.leave(bob.token(), owner.username(), "junk.txt");

        client.share(owner.token(), "junk.txt", bob.username());

        assertThat(client.list(bob.token()).jsonArray().getValuesAs(JsonObject.class))
                .extracting(entry -> entry.getString("key"))
                .containsExactly(owner.username() + "/junk.txt");
    }

    @Test
    void aDownloadUrlIssuedBeforeLeavingNoLongerApplies() {
        FileshareServer.assumeLocalTransferUrls(); // a presigned S3 URL cannot check grants (docs/aws-store.md)
        JsonObject link =
                client.downloadUrl(bob.token(), owner.username(), "junk.txt").json();

        client.leave(bob.token(), owner.username(), "junk.txt");

        assertProblem(FileshareClient.send(FileshareClient.follow(link, BodyPublishers.noBody())), 410);
    }

    @Test
    void leavingNeedsASessionAndValidNames() {
        assertProblem(client.leave(null, owner.username(), "junk.txt"), 401);
        assertInvalid(client.leave(bob.token(), owner.username(), "../junk.txt"), "file_name");
        assertInvalid(client.leave(bob.token(), "not a name", "junk.txt"), "owner");
        assertInvalid(
                FileshareClient.send(
                        client.request("shared?file_name=junk.txt", bob.token()).DELETE()),
                "owner");
        assertInvalid(
                FileshareClient.send(client.request("shared?owner=" + owner.username(), bob.token())
                        .DELETE()),
                "file_name");
        // One's own files are not shared with oneself: they are deleted with DELETE /file.
        assertInvalid(client.leave(owner.token(), owner.username(), "junk.txt"), "owner");
        assertThat(client.download(owner.token(), "junk.txt").status()).isEqualTo(200);
    }
}
