package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;

/**
 * DELETE /account: with the password, the account and everything of it go (files, shares both ways, links,
 * sessions), and its name is never registered again.
 */
class DeleteAccountIT {
    private final FileshareClient client = new FileshareClient();

    @Test
    void everythingOfTheAccountGoesAndNothingOfItCanBeReadAfterwards() {
        Session alice = client.signUp("leaving");
        Session bob = client.signUp("staying");
        String laptop = client.login(alice.username(), alice.password()).json().getString("token");
        assertThat(client.uploadBinary(alice.token(), "mine.txt", Contents.text("alice's"))
                        .status())
                .isEqualTo(201);
        assertThat(client.share(alice.token(), "mine.txt", bob.username()).status())
                .isEqualTo(200);
        assertThat(client.uploadBinary(bob.token(), "bobs.txt", Contents.text("bob's"))
                        .status())
                .isEqualTo(201);
        assertThat(client.share(bob.token(), "bobs.txt", alice.username()).status())
                .isEqualTo(200);
        ApiResponse link = client.createLink(alice.token(), "mine.txt");
        assertThat(link.status()).as("%s", link).isEqualTo(201);
        String linkUrl = link.json().getString("url");

        ApiResponse deleted = client.deleteAccountWith(alice.token(), alice.password());

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(client.account(alice.token()), 401);
        assertProblem(client.list(laptop), 401);
        assertProblem(client.login(alice.username(), alice.password()), 401);
        assertProblem(client.download(bob.token(), alice.username(), "mine.txt"), 404);
        assertProblem(FileshareClient.send(client.toLink(linkUrl).GET()), 404);
        // Bob keeps his file, no longer shared with anyone; his listing no longer shows alice's.
        assertThat(client.download(bob.token(), bob.username(), "bobs.txt").body())
                .isEqualTo(Contents.text("bob's"));
        assertThat(client.list(bob.token()).text()).doesNotContain(alice.username());
        assertProblem(client.share(bob.token(), "bobs.txt", alice.username()), 404);
        // The name stays taken.
        assertProblem(client.register(alice.username(), "a different password"), 409);
    }

    @Test
    void aWrongPasswordIsForbiddenAndDeletesNothing() {
        Session alice = client.signUp("not-leaving");
        client.uploadBinary(alice.token(), "kept.txt", Contents.text("kept"));

        assertProblem(client.deleteAccountWith(alice.token(), "not my password"), 403);

        assertThat(client.account(alice.token()).status()).isEqualTo(200);
        assertThat(client.download(alice.token(), alice.username(), "kept.txt").body())
                .isEqualTo(Contents.text("kept"));
    }

    @Test
    void badRequestsAreClearProblems() {
        Session alice = client.signUp("bad-delete");

        assertInvalid(client.deleteAccount(alice.token(), "{}"), "password");
        assertProblem(client.deleteAccount(alice.token(), "{not json"), 400);
        assertProblem(client.deleteAccount(alice.token(), ""), 400);
        assertProblem(client.deleteAccountWith(null, alice.password()), 401);
        assertThat(client.account(alice.token()).status()).isEqualTo(200);
    }

    @Test
    void anUploadThroughAUrlIssuedBeforeTheDeletionReachesNoNewUserOfTheName() {
        Session alice = client.signUp("url-before");
        JsonObject url = client.uploadUrl(alice.token(), "late.txt", 4L).json();
        assertThat(client.deleteAccountWith(alice.token(), alice.password()).status())
                .isEqualTo(204);

        // Whatever the upload answers (S3 takes it without asking the service), the name cannot be had again.
        FileshareClient.send(FileshareClient.follow(url, BodyPublishers.ofByteArray(Contents.text("late"))));

        assertProblem(client.register(alice.username(), FileshareClient.passwordOf(UniqueNames.user("x"))), 409);
        assertProblem(client.login(alice.username(), alice.password()), 401);
    }
}
