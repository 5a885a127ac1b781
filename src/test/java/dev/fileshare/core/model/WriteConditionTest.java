package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WriteConditionTest {
    private static final Optional<String> NO_FILE = Optional.empty();
    private static final Optional<String> V1 = Optional.of("\"v1\"");

    @Test
    void alwaysHoldsAndHasNoFailure() {
        assertThat(WriteCondition.ALWAYS.holdsFor(NO_FILE)).isTrue();
        assertThat(WriteCondition.ALWAYS.holdsFor(V1)).isTrue();
        assertThatThrownBy(WriteCondition.ALWAYS::failure).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void createOnlyHoldsWhileThereIsNoFile() {
        assertThatCode(() -> WriteCondition.ONLY_IF_ABSENT.check(NO_FILE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> WriteCondition.ONLY_IF_ABSENT.check(V1))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessage("The file exists (If-None-Match: *).");
    }

    @Test
    void ifMatchHoldsForThatVersionOnly() {
        WriteCondition ifV1 = new WriteCondition.OnlyIfMatches("\"v1\"");

        assertThatCode(() -> ifV1.check(V1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ifV1.check(Optional.of("\"v2\"")))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessage("The file's current version is not \"v1\" (If-Match).");
        assertThatThrownBy(() -> ifV1.check(NO_FILE))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessage("The file's current version is not \"v1\" (If-Match).");
    }

    @Test
    void theFailureAtCommitIsTheSameAnswerAsTheEarlyCheck() {
        WriteCondition ifV1 = new WriteCondition.OnlyIfMatches("\"v1\"");

        assertThat(ifV1.failure()).hasMessage("The file's current version is not \"v1\" (If-Match).");
        assertThat(WriteCondition.ONLY_IF_ABSENT.failure()).hasMessage("The file exists (If-None-Match: *).");
    }
}
