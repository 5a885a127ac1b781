package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertInvalid;
import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.UniqueNames;
import jakarta.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /register: 200 {"username"}, 400 for a bad body, name or password, 409 for a taken name. */
class RegisterIT {
    private static final String PASSWORD = "a good password";
    private final FileshareClient client = new FileshareClient();

    @Test
    void registersAndAnswersTheUsernameOnly() {
        String username = UniqueNames.user("reg");
        ApiResponse response = client.register(username, PASSWORD);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(response.json())
                .isEqualTo(Json.createObjectBuilder().add("username", username).build());
        assertThat(client.login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void takenUsernameIsAConflictAndKeepsTheFirstPassword() {
        String username = UniqueNames.user("taken");
        assertThat(client.register(username, PASSWORD).status()).isEqualTo(200);
        assertProblem(client.register(username, "another password"), 409);
        assertThat(client.login(username, PASSWORD).status()).isEqualTo(200);
        assertThat(client.login(username, "another password").status()).isEqualTo(401);
    }

    @Test
    void usernamesAreCaseSensitive() {
        String username = UniqueNames.user("Case");
        assertThat(client.register(username, PASSWORD).status()).isEqualTo(200);
        assertThat(client.register(username.toUpperCase(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void usernameOf64CharactersOfEveryAllowedKindIsAccepted() {
        String username = UniqueNames.user("Az09_-").concat("x".repeat(64)).substring(0, 64);
        assertThat(client.register(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void usernameOver64CharactersIsRejected() {
        String username = UniqueNames.user("long").concat("x".repeat(65)).substring(0, 65);
        assertInvalid(client.register(username, PASSWORD), "username");
        // Rejected, not truncated: the 64-character prefix was never registered.
        assertThat(client.register(username.substring(0, 64), PASSWORD).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "with space",
                "dot.name",
                "slash/name",
                "back\\slash",
                "at@sign",
                "ümlaut",
                "tab\tname",
                "new\nline",
                "semi;colon",
                "..",
                "percent%41"
            })
    void usernameOutsideTheAlphabetIsRejected(String username) {
        assertInvalid(client.register(username, PASSWORD), "username");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7})
    void passwordUnder8CharactersIsRejected(int length) {
        assertInvalid(client.register(UniqueNames.user("short"), "p".repeat(length)), "password");
    }

    @Test
    void passwordOver1024CharactersIsRejected() {
        assertInvalid(client.register(UniqueNames.user("longpw"), "p".repeat(1025)), "password");
    }

    @Test
    void passwordsOf8And1024CharactersAreAccepted() {
        String shortest = UniqueNames.user("pw8");
        String longest = UniqueNames.user("pw1024");
        assertThat(client.register(shortest, "12345678").status()).isEqualTo(200);
        assertThat(client.register(longest, "p".repeat(1024)).status()).isEqualTo(200);
        assertThat(client.login(longest, "p".repeat(1024)).status()).isEqualTo(200);
    }

    @Test
    void badNameAndBadPasswordAreBothReported() {
        var problem = assertInvalid(client.register("bad name", "short"), "username");
        assertThat(problem.getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class))
                .extracting(error -> error.getString("field"))
                .contains("username", "password");
    }

    @Test
    void missingFieldsAreRejected() {
        var onlyName = Json.createObjectBuilder()
                .add("username", UniqueNames.user("nopw"))
                .build();
        assertInvalid(postRaw(onlyName.toString()), "password");
        var onlyPassword = Json.createObjectBuilder().add("password", PASSWORD).build();
        assertInvalid(postRaw(onlyPassword.toString()), "username");
    }

    @Test
    void fieldsOfTheWrongTypeAreRejected() {
        var numbers = Json.createObjectBuilder()
                .add("username", 42)
                .add("password", PASSWORD)
                .build();
        assertInvalid(postRaw(numbers.toString()), "username");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "not json",
                "[]",
                "\"a string\"",
                "null",
                "{\"username\": \"x\",}",
                "{\"username\": \"a\", \"password\": \"b\"} trailing"
            })
    void malformedOrNonObjectBodiesAreRejected(String body) {
        assertProblem(postRaw(body), 400);
    }

    private ApiResponse postRaw(String body) {
        return FileshareClient.send(client.request("register", null)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }
}
