package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.Username;
import org.junit.jupiter.api.Test;

/** The {@code username} query parameter of reads: the owner of the file, the caller when absent. */
class OwnerParameterTest {
    private static final Username CALLER = new Username("bob");

    @Test
    void noOwnerMeansTheCaller() {
        assertThat(OwnerParameter.ownerOrCaller(null, CALLER)).isEqualTo(CALLER);
        assertThat(OwnerParameter.ownerOrCaller("", CALLER)).isEqualTo(CALLER);
    }

    @Test
    void anOwnerNamesThatUser() {
        assertThat(OwnerParameter.ownerOrCaller("alice", CALLER)).isEqualTo(new Username("alice"));
    }

    @Test
    void anInvalidOwnerIsRefusedUnderTheParametersName() {
        assertThatThrownBy(() -> OwnerParameter.ownerOrCaller("not a name", CALLER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("username"));
    }
}
