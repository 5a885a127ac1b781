package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /shares lists a file's grantees, sorted, for its owner only; DELETE /share revokes one share (204), after
 * which that grantee can neither read nor list the file while the others still can.
 */
class RevokeShareIT {
    private final FileshareClient client = new FileshareClient();
    private Session owner;
    private Session carol;
    private Session bob;
    private Session alice;

    @BeforeEach
    void shareWithThree() {
        owner = client.signUp("rv-owner");
        // Registered out of order; the list comes back sorted.
        carol = client.signUp("rv-c");
        alice = client.signUp("rv-a");
        bob = client.signUp("rv-b");
        assertThat(client.uploadBinary(owner.token(), "team.txt", Contents.text("for the team"))
                        .status())
                .isEqualTo(201);
        for (Session grantee : List.of(carol, alice, bob)) {
            assertThat(client.share(owner.token(), "team.txt", grantee.username())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void listsTheGranteesSorted() {
        ApiResponse shares = grantees(owner, "team.txt");

        assertThat(shares.status()).as("%s", shares).isEqualTo(200);
        assertThat(shares.mediaType()).isEqualTo("application/json");
        assertThat(names(shares)).containsExactly(alice.username(), bob.username(), carol.username());
    }

    @Test
    void anUnsharedFileHasNoGrantees() {
        client.uploadBinary(owner.token(), "private.txt", Contents.text("mine"));

        assertThat(grantees(owner, "private.txt").jsonArray()).isEmpty();
    }

    @Test
    void onlyTheOwnersFilesHaveAGranteeList() {
        // To a grantee, "team.txt" names a file of their own, which they do not have.
        assertProblem(grantees(bob, "team.txt"), 404);
        assertProblem(grantees(owner, "no-such.txt"), 404);
        assertInvalid(
                FileshareClient.send(client.request("shares", owner.token()).GET()), "file_name");
        assertProblem(
                FileshareClient.send(
                        client.request("shares?file_name=team.txt", null).GET()),
                401);
    }

    @Test
    void revokingOneShareShutsOutThatGranteeOnly() {
        ApiResponse revoked = revoke(owner, "team.txt", bob.username());

        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);
        assertThat(revoked.body()).isEmpty();
        assertProblem(client.download(bob.token(), owner.username(), "team.txt"), 404);
        assertThat(client.list(bob.token()).jsonArray()).isEmpty();
        assertProblem(client.downloadUrl(bob.token(), owner.username(), "team.txt"), 404);
        assertThat(names(grantees(owner, "team.txt"))).containsExactly(alice.username(), carol.username());
        assertThat(client.download(alice.token(), owner.username(), "team.txt").body())
                .isEqualTo(Contents.text("for the team"));
        assertThat(client.list(carol.token()).jsonArray().getValuesAs(JsonObject.class))
                .extracting(entry -> entry.getString("key"))
                .containsExactly(owner.username() + "/team.txt");
    }

    @Test
    void revokingWhatIsNotSharedIsANoOpButAMissingFileIs404() {
        Session stranger = client.signUp("rv-stranger");
        assertThat(revoke(owner, "team.txt", stranger.username()).status()).isEqualTo(204);
        assertThat(revoke(owner, "team.txt", bob.username()).status()).isEqualTo(204);
        assertThat(revoke(owner, "team.txt", bob.username()).status()).isEqualTo(204);
        assertProblem(revoke(owner, "no-such.txt", bob.username()), 404);
        // A grantee cannot revoke: the file is not theirs.
        assertProblem(revoke(alice, "team.txt", carol.username()), 404);
        assertThat(client.download(carol.token(), owner.username(), "team.txt").status())
                .isEqualTo(200);
        assertInvalid(
                FileshareClient.send(client.request("share?file_name=team.txt", owner.token())
                        .DELETE()),
                "username");
    }

    @Test
    void aRevokedGranteeCanBeGrantedAgain() {
        revoke(owner, "team.txt", bob.username());
        assertThat(client.share(owner.token(), "team.txt", bob.username()).status())
                .isEqualTo(200);

        assertThat(client.download(bob.token(), owner.username(), "team.txt").status())
                .isEqualTo(200);
        assertThat(names(grantees(owner, "team.txt"))).contains(bob.username());
    }

    private ApiResponse grantees(Session who, String name) {
        return FileshareClient.send(client.request("shares?file_name=" + FileshareClient.encode(name), who.token())
                .GET());
    }

    private ApiResponse revoke(Session who, String name, String grantee) {
        return FileshareClient.send(client.request(
                        "share?file_name=" + FileshareClient.encode(name) + "&username="
                                + FileshareClient.encode(grantee),
                        who.token())
                .DELETE());
    }

    private static List<String> names(ApiResponse shares) {
        return shares.jsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
