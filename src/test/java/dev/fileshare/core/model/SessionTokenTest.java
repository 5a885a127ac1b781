package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

    @Test
    void carries256RandomBitsAsUrlSafeText() {
        SessionToken token = SessionToken.generate(new SecureRandom());

        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void neverRepeatsInPractice() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(SessionToken.generate(random).value())).isTrue();
        }
    }

    @Test
    void isStoredAsTheHexSha256OfItsText() {
        // SHA-256("abc") from FIPS 180-2.
        assertThat(new SessionToken("abc").hash())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void neverPrintsItself() {
        SessionToken token = SessionToken.generate(new SecureRandom());

        assertThat(token.toString()).doesNotContain(token.value());
    }
}
