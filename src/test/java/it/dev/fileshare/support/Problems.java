package it.dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;

/** Checks of the one error shape the API promises: RFC 9457 problem details, with the original's message. */
public final class Problems {
    private Problems() {}

    /** Asserts {@code response} is a problem+json of {@code status} and returns its body. */
    public static JsonObject assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.mediaType()).as("Content-Type of %s", response).isEqualTo("application/problem+json");
        JsonObject problem = response.json();
        assertThat(problem.getString("type", null)).as("type").isNotBlank();
        assertThat(problem.getString("title", null)).as("title").isNotBlank();
        assertThat(problem.getInt("status")).as("status field").isEqualTo(status);
        String detail = problem.getString("detail", null);
        assertThat(detail).as("detail").isNotBlank();
        assertThat(problem.getString("message", null))
                .as("message repeats detail")
                .isEqualTo(detail);
        assertNoInternals(response);
        return problem;
    }

    /** Asserts a 400 whose {@code errors} name {@code field}, each error with a message. */
    public static JsonObject assertInvalid(ApiResponse response, String field) {
        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.get("errors")).as("errors of %s", response).isNotNull();
        List<JsonObject> errors = problem.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors)
                .allSatisfy(
                        error -> assertThat(error.getString("message", null)).isNotBlank());
        assertThat(errors).extracting(error -> error.getString("field", null)).contains(field);
        return problem;
    }

    /**
     * No stack trace, exception class or internal message may reach a client; no 5xx either, but the 507 of a
     * passed quota (the client's storage is full, not the server broken).
     */
    public static void assertNoInternals(ApiResponse response) {
        if (response.status() != 507) {
            assertThat(response.status()).as("no 5xx for %s", response).isLessThan(500);
        }
        assertThat(response.text()).doesNotContain("Exception", "\tat ", "at dev.fileshare", "SQLITE", "java.");
    }

    /** The detail with the given names replaced by placeholders, so two answers can be compared whatever they name. */
    public static String withoutNames(JsonObject problem, String... names) {
        String detail = problem.getString("detail");
        for (int i = 0; i < names.length; i++) {
            detail = detail.replace(names[i], "<name" + i + ">");
        }
        return detail;
    }
}
