package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A refused file name tells the client which rule it broke, under the field it came in. */
class FileNameProblemsTest {

    @Test
    void namesTheRuleEachNameBreaks() {
        assertProblem(null, "is required");
        assertProblem("", "must not be empty");
        assertProblem("..", "must not be '.' or '..'");
        assertProblem("a/b", "must not contain '/' or '\\'");
        assertProblem("a\\b", "must not contain '/' or '\\'");
        assertProblem("a\tb", "must not contain control characters (U+0009)");
        assertProblem("a\uD800", "must be well-formed Unicode");
        assertProblem("a".repeat(256), "must be at most 255 bytes of UTF-8");
    }

    private static void assertProblem(String name, String problem) {
        assertThatThrownBy(() -> FileName.parse("file_name", name))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("file_name", problem)));
    }
}
