package it.dev.fileshare;

import static it.dev.fileshare.Problems.assertInvalid;
import static it.dev.fileshare.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * POST /share: 200 {} and the grantee may read the file; sharing again is a no-op; 400 for oneself or a bad body;
 * 404 for a file the caller does not have or a user that does not exist.
 */
@MicroShedTest
class ShareIT {
    private final FileshareClient client = new FileshareClient();
    private Session owner;
    private Session grantee;

    @BeforeEach
    void signUp() {
        owner = client.signUp("sh-owner");
        grantee = client.signUp("sh-grantee");
        assertThat(client.upload(owner.token(), "shared.txt", Contents.text("for you"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void granteeCanDownloadAndListTheFile() {
        assertProblem(client.download(grantee.token(), owner.username(), "shared.txt"), 404);

        ApiResponse share = client.share(owner.token(), "shared.txt", grantee.username());
        assertThat(share.status()).as("%s", share).isEqualTo(200);
        assertThat(share.mediaType()).isEqualTo("application/json");
        assertThat(share.json()).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);

        assertThat(client.download(grantee.token(), owner.username(), "shared.txt")
                        .body())
                .isEqualTo(Contents.text("for you"));
        assertThat(client.list(grantee.token()).jsonArray().getValuesAs(JsonObject.class))
                .extracting(entry -> entry.getString("key"))
                .containsExactly(owner.username() + "/shared.txt");
    }

    @Test
    void granteeSeesTheOwnersLatestVersion() {
        client.share(owner.token(), "shared.txt", grantee.username());
        client.upload(owner.token(), "shared.txt", Contents.text("updated"));
        assertThat(client.download(grantee.token(), owner.username(), "shared.txt")
                        .body())
                .isEqualTo(Contents.text("updated"));
    }

    @Test
    void sharingAgainIsANoOp() {
        assertThat(client.share(owner.token(), "shared.txt", grantee.username()).status())
                .isEqualTo(200);
        ApiResponse again = client.share(owner.token(), "shared.txt", grantee.username());
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json()).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
        assertThat(client.list(grantee.token()).jsonArray()).hasSize(1);
    }

    @Test
    void sharesOnlyThatFileWithOnlyThatUser() {
        Session stranger = client.signUp("sh-stranger");
        client.upload(owner.token(), "other.txt", Contents.text("not shared"));
        client.share(owner.token(), "shared.txt", grantee.username());

        assertProblem(client.download(grantee.token(), owner.username(), "other.txt"), 404);
        assertProblem(client.download(stranger.token(), owner.username(), "shared.txt"), 404);
        assertThat(client.list(stranger.token()).jsonArray()).isEmpty();
        // A grantee cannot pass the file on: it is not theirs.
        assertProblem(client.share(grantee.token(), "shared.txt", stranger.username()), 404);
    }

    @Test
    void sharingWithOneselfIs400() {
        assertInvalid(client.share(owner.token(), "shared.txt", owner.username()), "username");
    }

    @Test
    void unknownUserIs404() {
        assertProblem(client.share(owner.token(), "shared.txt", UniqueNames.user("nobody")), 404);
    }

    @Test
    void unknownFileIs404() {
        assertProblem(client.share(owner.token(), "no-such.txt", grantee.username()), 404);
    }

    @Test
    void invalidBodiesAre400() {
        assertInvalid(client.share(owner.token(), "shared.txt", "not a username"), "username");
        assertInvalid(client.share(owner.token(), "../escape.txt", grantee.username()), "file_name");
        assertInvalid(
                postRaw(Json.createObjectBuilder()
                        .add("file_name", "shared.txt")
                        .build()
                        .toString()),
                "username");
        assertInvalid(
                postRaw(Json.createObjectBuilder()
                        .add("username", grantee.username())
                        .build()
                        .toString()),
                "file_name");
        assertProblem(postRaw("{not json"), 400);
        assertProblem(postRaw(""), 400);
    }

    private ApiResponse postRaw(String body) {
        return FileshareClient.send(client.request("share", owner.token())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }
}
