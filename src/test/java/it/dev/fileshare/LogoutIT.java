package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareClient.TokenHeader;
import it.dev.fileshare.support.Session;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** POST /logout: 200 {} and the token stops working everywhere; idempotent; 401 only when no token is sent. */
class LogoutIT {
    private final FileshareClient client = new FileshareClient();
    private final FileshareClient bearerClient = new FileshareClient(TokenHeader.BEARER);

    @Test
    void answersAnEmptyObjectAndTheTokenStopsWorkingEverywhere() {
        Session alice = client.signUp("logout");
        assertThat(client.upload(alice.token(), "a.txt", bytes("a")).status()).isEqualTo(200);

        ApiResponse logout = client.logout(alice.token());
        assertThat(logout.status()).as("%s", logout).isEqualTo(200);
        assertThat(logout.mediaType()).isEqualTo("application/json");
        assertThat(logout.json()).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);

        for (FileshareClient either : new FileshareClient[] {client, bearerClient}) {
            assertProblem(either.list(alice.token()), 401);
            assertProblem(either.download(alice.token(), "a.txt"), 401);
            assertProblem(either.upload(alice.token(), "b.txt", bytes("b")), 401);
            assertProblem(either.share(alice.token(), "a.txt", alice.username()), 401);
        }
    }

    @Test
    void endsOnlyThatSession() {
        Session alice = client.signUp("twosessions");
        String other = client.login(alice.username(), alice.password()).json().getString("token");
        assertThat(client.logout(alice.token()).status()).isEqualTo(200);
        assertThat(client.list(other).status()).isEqualTo(200);
    }

    @Test
    void isIdempotentForLoggedOutUnknownAndMalformedTokens() {
        Session alice = client.signUp("idem");
        assertThat(client.logout(alice.token()).status()).isEqualTo(200);
        ApiResponse again = client.logout(alice.token());
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json()).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
        assertThat(client.logout("A".repeat(43)).status()).isEqualTo(200);
        assertThat(client.logout("garbage").status()).isEqualTo(200);
    }

    @Test
    void worksWithABearerToken() {
        Session alice = client.signUp("bearerout");
        assertThat(bearerClient.logout(alice.token()).status()).isEqualTo(200);
        assertProblem(client.list(alice.token()), 401);
    }

    @Test
    void withoutATokenIs401() {
        assertProblem(client.logout(null), 401);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
