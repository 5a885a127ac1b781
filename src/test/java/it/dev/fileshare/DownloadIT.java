package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Problems;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /file: raw bytes by default, Base64 text for {@code Accept: text/plain}; 400 without a name; 404 alike for
 * a missing file and one that is not shared with the caller.
 */
class DownloadIT {
    private static final FileshareClient CLIENT = new FileshareClient();
    private static Session alice;
    private static Session bob;

    @BeforeAll
    static void signUp() {
        alice = CLIENT.signUp("dl-alice");
        bob = CLIENT.signUp("dl-bob");
    }

    @Test
    void answersTheRawBytesByDefault() {
        byte[] content = Contents.random(1, 300_000);
        CLIENT.upload(alice.token(), "random.bin", content);
        ApiResponse download = CLIENT.download(alice.token(), "random.bin");
        assertThat(download.status()).as("%s", download).isEqualTo(200);
        assertThat(download.mediaType()).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Length")).contains(String.valueOf(content.length));
        assertThat(download.body()).isEqualTo(content);
    }

    @Test
    void everyByteValueSurvivesTheRoundTrip() {
        byte[] content = Contents.everyByteValue();
        assertThat(CLIENT.upload(alice.token(), "all-bytes.bin", content).status())
                .isEqualTo(200);
        ApiResponse raw = CLIENT.download(alice.token(), "all-bytes.bin");
        assertThat(raw.mediaType()).isEqualTo("application/octet-stream");
        assertThat(raw.body()).isEqualTo(content);
        ApiResponse text = CLIENT.downloadBase64(alice.token(), alice.username(), "all-bytes.bin");
        assertThat(text.text()).isEqualTo(Base64.getEncoder().encodeToString(content));
    }

    @Test
    void zeroByteFileDownloadsEmpty() {
        assertThat(CLIENT.upload(alice.token(), "zero.bin", new byte[0]).status())
                .isEqualTo(200);
        ApiResponse raw = CLIENT.download(alice.token(), "zero.bin");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.mediaType()).isEqualTo("application/octet-stream");
        assertThat(raw.body()).isEmpty();
        ApiResponse text = CLIENT.downloadBase64(alice.token(), alice.username(), "zero.bin");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body()).isEmpty();
    }

    @Test
    void textPlainAnswersStandardBase64() {
        byte[] content = Contents.random(2, 10_001);
        CLIENT.upload(alice.token(), "as-text.bin", content);
        ApiResponse text = CLIENT.downloadBase64(alice.token(), alice.username(), "as-text.bin");
        assertThat(text.status()).as("%s", text).isEqualTo(200);
        assertThat(text.mediaType()).isEqualTo("text/plain");
        assertThat(text.text()).isEqualTo(Base64.getEncoder().encodeToString(content));
    }

    @Test
    void octetStreamWinsOverTextPlain() {
        byte[] content = Contents.text("raw wins");
        CLIENT.upload(alice.token(), "both.txt", content);
        ApiResponse both = FileshareClient.send(CLIENT.request("file?file_name=both.txt", alice.token())
                .header("Accept", "text/plain, application/octet-stream")
                .GET());
        assertThat(both.mediaType()).isEqualTo("application/octet-stream");
        assertThat(both.body()).isEqualTo(content);
        ApiResponse anything = FileshareClient.send(CLIENT.request("file?file_name=both.txt", alice.token())
                .header("Accept", "*/*")
                .GET());
        assertThat(anything.mediaType()).isEqualTo("application/octet-stream");
        assertThat(anything.body()).isEqualTo(content);
    }

    @Test
    void ownerDefaultsToTheCaller() {
        CLIENT.upload(alice.token(), "mine.txt", Contents.text("alice's"));
        CLIENT.upload(bob.token(), "mine.txt", Contents.text("bob's"));
        assertThat(CLIENT.download(alice.token(), "mine.txt").body()).isEqualTo(Contents.text("alice's"));
        assertThat(CLIENT.download(bob.token(), "mine.txt").body()).isEqualTo(Contents.text("bob's"));
        assertThat(CLIENT.download(alice.token(), alice.username(), "mine.txt").body())
                .isEqualTo(Contents.text("alice's"));
    }

    @Test
    void withoutAFileNameIs400() {
        assertInvalid(FileshareClient.send(CLIENT.request("file", alice.token()).GET()), "file_name");
        assertInvalid(
                FileshareClient.send(
                        CLIENT.request("file?file_name=", alice.token()).GET()),
                "file_name");
        assertInvalid(
                FileshareClient.send(CLIENT.request("file?username=" + alice.username(), alice.token())
                        .GET()),
                "file_name");
    }

    @Test
    void invalidNamesInTheQueryAre400() {
        assertInvalid(CLIENT.download(alice.token(), "../" + bob.username() + "/mine.txt"), "file_name");
        assertInvalid(CLIENT.download(alice.token(), "not a user!", "mine.txt"), "username");
    }

    @Test
    void missingFileAndUnsharedFileAreIndistinguishable() {
        CLIENT.upload(bob.token(), "secret.txt", Contents.text("bob's secret"));

        JsonObject notShared = assertProblem(CLIENT.download(alice.token(), bob.username(), "secret.txt"), 404);
        JsonObject missingOfBob = assertProblem(CLIENT.download(alice.token(), bob.username(), "no-such.txt"), 404);
        JsonObject missingOwn = assertProblem(CLIENT.download(alice.token(), "no-such.txt"), 404);
        String nobody = UniqueNames.user("nobody");
        JsonObject noSuchOwner = assertProblem(CLIENT.download(alice.token(), nobody, "secret.txt"), 404);

        String expected = Problems.withoutNames(notShared, bob.username(), "secret.txt");
        assertThat(Problems.withoutNames(missingOfBob, bob.username(), "no-such.txt"))
                .isEqualTo(expected);
        assertThat(Problems.withoutNames(missingOwn, alice.username(), "no-such.txt"))
                .isEqualTo(expected);
        assertThat(Problems.withoutNames(noSuchOwner, nobody, "secret.txt")).isEqualTo(expected);
        for (JsonObject other : new JsonObject[] {missingOfBob, missingOwn, noSuchOwner}) {
            assertThat(other.keySet()).isEqualTo(notShared.keySet());
            assertThat(other.getString("type")).isEqualTo(notShared.getString("type"));
            assertThat(other.getString("title")).isEqualTo(notShared.getString("title"));
        }
        assertThat(notShared.toString()).doesNotContain("bob's secret");
    }
}
