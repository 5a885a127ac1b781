package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import it.dev.fileshare.support.UniqueNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are bounded by what they carry: credentials, shares and upload-URL requests by a few KiB, and a
 * login password by what registration accepts.
 */
class BoundedRequestsIT {
    private static final FileshareClient client = new FileshareClient().from(UniqueNames.address());
    private static Session alice;

    @BeforeAll
    static void register() {
        String name = UniqueNames.user("bounded");
        client.register(name, "bounded-pass");
        String token = client.login(name, "bounded-pass").json().getString("token");
        alice = new Session(name, "bounded-pass", token);
    }

    @Test
    void aCredentialsBodyOverSixteenKibIs413() {
        String big = "{\"username\":\"alice\",\"password\":\"" + "x".repeat(20_000) + "\"}";
        for (String path : new String[] {"login", "register"}) {
            ApiResponse response = FileshareClient.send(client.request(path, null)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big)));

            assertProblem(response, 413);
        }
    }

    @Test
    void aShareBodyOverSixteenKibIs413() {
        String big = "{\"file_name\":\"a.txt\",\"username\":\"" + "b".repeat(20_000) + "\"}";
        ApiResponse response = FileshareClient.send(client.request("share", alice.token())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big)));

        assertProblem(response, 413);
    }

    @Test
    void aLoginPasswordLongerThanRegistrationAcceptsIs400() {
        ApiResponse response = client.login(alice.username(), "p".repeat(1025));

        assertInvalid(response, "password");
        assertThat(client.login(alice.username(), "bounded-pass").status()).isEqualTo(200);
    }
}
