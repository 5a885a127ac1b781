package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File names that could pass for others once shared into someone's list: one name whatever its Unicode spelling
 * (NFC), and no character that does not show (controls, bidirectional controls, zero-width and other format
 * characters, line and paragraph separators), on every way a name comes in.
 */
class FileNameSpoofingIT {
    private static final String COMPOSED = "caf\u00E9.txt";
    private static final String DECOMPOSED = "cafe\u0301.txt";

    private final FileshareClient client = new FileshareClient();
    private Session alice;

    @BeforeEach
    void signUp() {
        alice = client.signUp("spoof");
    }

    @Test
    void theComposedAndDecomposedSpellingsAreOneFile() {
        ApiResponse first = client.upload(alice.token(), DECOMPOSED, Contents.text("first"));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().getString("file_name")).isEqualTo(COMPOSED);
        assertThat(first.json().getString("key")).isEqualTo(alice.username() + "/" + COMPOSED);

        ApiResponse replaced = client.uploadBinary(alice.token(), COMPOSED, Contents.text("second"));
        assertThat(replaced.status()).as("replaced, not created: %s", replaced).isEqualTo(200);

        for (String spelling : new String[] {COMPOSED, DECOMPOSED}) {
            ApiResponse download = client.download(alice.token(), spelling);
            assertThat(download.body()).isEqualTo(Contents.text("second"));
            assertThat(download.header("Content-Disposition").orElseThrow()).contains("caf%C3%A9.txt");
        }
        assertThat(client.list(alice.token()).jsonArray().getValuesAs(JsonObject.class))
                .extracting(entry -> entry.getString("file_name"))
                .containsExactly(COMPOSED);
    }

    @Test
    void aGranteeSeesTheOneComposedName() {
        Session bob = client.signUp("spoof-bob");
        assertThat(client.uploadBinary(alice.token(), COMPOSED, Contents.text("shared"))
                        .status())
                .isEqualTo(201);

        assertThat(client.share(alice.token(), DECOMPOSED, bob.username()).status())
                .isEqualTo(200);

        assertThat(client.list(bob.token()).jsonArray().getValuesAs(JsonObject.class))
                .extracting(entry -> entry.getString("file_name"))
                .containsExactly(COMPOSED);
        assertThat(client.download(bob.token(), alice.username(), DECOMPOSED).body())
                .isEqualTo(Contents.text("shared"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "invoice\u202Efdp.exe", // shows as "invoiceexe.pdf"
                "report\u2067txt.exe\u2069",
                "pay\u200Bpal.pdf",
                "a\u200Db",
                "\uFEFFnotes.txt",
                "a\u2060b",
                "a\u061Cb",
                "a\u200Fb",
                "c1\u0085control",
                "c1\u009Bcontrol",
                "line\u2028separator",
                "paragraph\u2029separator",
                "soft\u00ADhyphen",
                "tag\uDB40\uDC41"
            })
    void namesWithCharactersThatDoNotShowAre400OnEveryWayIn(String name) {
        assertThat(assertInvalid(client.upload(alice.token(), name, Contents.text("x")), "file_name")
                        .getString("detail"))
                .matches("file_name: must not contain .*\\(U\\+[0-9A-F]{4,6}\\)");
        assertInvalid(client.uploadBinary(alice.token(), name, Contents.text("x")), "file_name");
        assertInvalid(client.uploadUrl(alice.token(), name, 1L), "file_name");
        assertInvalid(client.download(alice.token(), name), "file_name");
        assertInvalid(client.share(alice.token(), name, alice.username()), "file_name");
        assertThat(client.list(alice.token()).jsonArray()).isEmpty();
    }
}
