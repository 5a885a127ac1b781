package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.SessionToken;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The session token of a request: {@code x-session-token}, else {@code Authorization: Bearer}. */
class SessionTokensTest {

    @Test
    void takesTheOriginalHeaderTrimmed() {
        assertThat(SessionTokens.sent(" tok-1 ", null)).contains("tok-1");
    }

    @Test
    void theOriginalHeaderWinsOverABearerToken() {
        assertThat(SessionTokens.sent("tok-1", "Bearer tok-2")).contains("tok-1");
    }

    @Test
    void takesABearerTokenWhateverTheSchemesCaseWhenTheOriginalHeaderIsAbsentOrBlank() {
        assertThat(SessionTokens.sent(null, "Bearer tok-2")).contains("tok-2");
        assertThat(SessionTokens.sent("  ", "bearer   tok-2 ")).contains("tok-2");
        assertThat(SessionTokens.sent(null, "BEARER tok-2")).contains("tok-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer    ", "Basic YWxpY2U6cHc=", "Bearertok", "tok"})
    void findsNoTokenInAnyOtherAuthorization(String authorization) {
        assertThat(SessionTokens.sent(null, authorization)).isEmpty();
    }

    @Test
    void findsNoTokenWithoutEitherHeader() {
        assertThat(SessionTokens.sent(null, null)).isEmpty();
    }

    @Test
    void aTokenOfTheIssuedShapeIsWellFormed() {
        SessionToken issued = SessionToken.generate(new SecureRandom());

        assertThat(SessionTokens.wellFormed(issued.value())).contains(issued);
        assertThat(SessionTokens.wellFormed("A".repeat(43))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "short",
                "A",
                "+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
            })
    void anyOtherShapeCannotBeASession(String sent) {
        assertThat(SessionTokens.wellFormed(sent)).isEmpty();
    }

    @Test
    void anIssuedTokenIsExactly43Characters() {
        assertThat(SessionTokens.wellFormed("A".repeat(42))).isEmpty();
        assertThat(SessionTokens.wellFormed("A".repeat(44))).isEmpty();
    }
}
