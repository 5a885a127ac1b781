package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.WriteCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A PUT's {@code If-Match} and {@code If-None-Match} read into the condition the store checks with the write. */
class WriteConditionsTest {

    @Test
    void noConditionHeaderWritesAlways() {
        assertThat(WriteConditions.from(null, null)).isEqualTo(WriteCondition.ALWAYS);
        assertThat(WriteConditions.from("", " ")).isEqualTo(WriteCondition.ALWAYS);
    }

    @Test
    void ifNoneMatchStarCreatesOnly() {
        assertThat(WriteConditions.from(null, "*")).isEqualTo(WriteCondition.ONLY_IF_ABSENT);
        assertThat(WriteConditions.from(" ", " * ")).isEqualTo(WriteCondition.ONLY_IF_ABSENT);
    }

    @Test
    void ifMatchReplacesOnlyThatStrongEntityTag() {
        assertThat(WriteConditions.from("\"5d41402a\"", null))
                .isEqualTo(new WriteCondition.OnlyIfMatches("\"5d41402a\""));
        assertThat(WriteConditions.from(" \"v1\" ", "")).isEqualTo(new WriteCondition.OnlyIfMatches("\"v1\""));
        assertThat(WriteConditions.from("\"\"", null)).isEqualTo(new WriteCondition.OnlyIfMatches("\"\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"v1\"", "v1", "\"v1", "\"v1\", \"v2\"", "*", "\"a b\"", "\"a\"b\""})
    void anythingButOneStrongEntityTagInIfMatchIsRefused(String ifMatch) {
        assertThatThrownBy(() -> WriteConditions.from(ifMatch, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("If-Match"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"v1\"", "W/\"v1\"", "**", "*, \"v1\""})
    void ifNoneMatchOnAPutMayOnlyBeAStar(String ifNoneMatch) {
        assertThatThrownBy(() -> WriteConditions.from(null, ifNoneMatch))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("If-None-Match", "on PUT must be * (create only)")));
    }

    @Test
    void bothHeadersTogetherAreRefused() {
        assertThatThrownBy(() -> WriteConditions.from("\"v1\"", "*"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("If-Match", "cannot be combined with If-None-Match")));
    }
}
