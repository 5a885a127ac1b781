package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePasswordIsWhatFollowsTheFirstColonWhateverTheUser() {
        assertThat(BasicCredentials.password(basic(":secret"))).contains("secret");
        assertThat(BasicCredentials.password(basic("anyone:se:cr:et"))).contains("se:cr:et");
        assertThat(BasicCredentials.password(basic("anyone:"))).contains("");
        assertThat(BasicCredentials.password(basic(":pässwörd ✓"))).contains("pässwörd ✓");
        assertThat(BasicCredentials.password("bAsIc " + Base64.getEncoder().encodeToString(":x".getBytes())))
                .contains("x");
    }

    @Test
    void anythingElseCarriesNoPassword() {
        assertThat(BasicCredentials.password(null)).isEmpty();
        assertThat(BasicCredentials.password("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.password("Basic")).isEmpty();
        assertThat(BasicCredentials.password("Basic not*base64")).isEmpty();
        assertThat(BasicCredentials.password(basic("no colon"))).isEmpty();
        assertThat(BasicCredentials.password(
                        "Basic " + Base64.getEncoder().encodeToString(new byte[] {':', (byte) 0xC3, (byte) 0x28})))
                .as("not UTF-8")
                .isEmpty();
    }
}
