package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.Sha256Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9530's digest fields on an upload, read as RFC 8941 Dictionaries; and the Want- preferences. */
class DigestFieldsTest {
    private static final Sha256Digest HELLO = Sha256Digest.ofContent("hello".getBytes(StandardCharsets.UTF_8));
    private static final String HELLO_FIELD = "sha-256=:" + HELLO.base64() + ":";

    @Test
    void readsTheSha256OfEitherField() {
        assertThat(DigestFields.announced(HELLO_FIELD, null)).contains(HELLO);
        assertThat(DigestFields.announced(null, HELLO_FIELD)).contains(HELLO);
        assertThat(DigestFields.announced(HELLO_FIELD, HELLO_FIELD)).contains(HELLO);
        assertThat(DigestFields.announced(null, null)).isEmpty();
    }

    @Test
    void skipsOtherAlgorithmsParametersAndWhitespaceAndTakesTheLastOfARepeatedKey() {
        String sha512 = "sha-512=:" + "A".repeat(86) + "==:";
        assertThat(DigestFields.announced("  " + sha512 + " ,\t" + HELLO_FIELD + " ", null))
                .contains(HELLO);
        assertThat(DigestFields.announced("unixsum=30637, " + HELLO_FIELD + ";note=\"x\", md5=?1", null))
                .contains(HELLO);
        assertThat(DigestFields.announced(
                        "sha-256=:" + Sha256Digest.ofContent(new byte[0]).base64() + ":, " + HELLO_FIELD, null))
                .contains(HELLO);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sha-256",
                "sha-256=",
                "sha-256=:not base64!:",
                "sha-256=:aGVsbG8=", // no closing colon
                "SHA-256=:aGVsbG8=:", // keys are lower case
                "sha-256=:aGVsbG8=:,",
                "sha-256=:aGVsbG8=: sha-512=:aGVsbG8=:",
                "sha-256=\"unterminated",
                "sha-512=:aGVsbG8=:", // no sha-256
                "md5=:aGVsbG8=:, sha=10",
                "sha-256=:aGVsbG8=:", // 5 bytes, not 32
                "sha-256=12",
                "sha-256=(:aGVsbG8=:)"
            })
    void refusesAFieldThatIsMalformedOrHasNoUsableSha256(String field) {
        assertThatThrownBy(() -> DigestFields.announced(field, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("Repr-Digest")));
    }

    @Test
    void refusesTwoFieldsThatDisagree() {
        String other = "sha-256=:" + Sha256Digest.ofContent(new byte[1]).base64() + ":";

        assertThatThrownBy(() -> DigestFields.announced(HELLO_FIELD, other))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Content-Digest");
    }

    @Test
    void parsesEveryKindOfMemberValue() {
        Map<String, Object> members = StructuredDictionary.parse(
                "a=1, b=-2.5, c=\"q\\\"s\", d=tok/en, e=:aGk=:, f, g=?0, h=(1 \"x\" ?1);p=1, i=()");

        assertThat(members.keySet()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(members.get("a")).isEqualTo(1L);
        assertThat(members.get("b")).hasToString("-2.5");
        assertThat(members.get("c")).isEqualTo("q\"s");
        assertThat(members.get("d")).isEqualTo(new StructuredDictionary.Token("tok/en"));
        assertThat((byte[]) members.get("e")).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(members.get("f")).isEqualTo(Boolean.TRUE);
        assertThat(members.get("g")).isEqualTo(Boolean.FALSE);
        assertThat(members.get("h")).isEqualTo(List.of(1L, "x", Boolean.TRUE));
        assertThat(members.get("i")).isEqualTo(List.of());
    }

    @Test
    void wantsSha256WhenItsWeightIsAboveZero() {
        assertThat(wanted("sha-256=10")).isTrue();
        assertThat(wanted("sha-512=3, sha-256=1")).isTrue();
        assertThat(wanted("sha-256=0")).isFalse();
        assertThat(wanted("sha-512=10")).isFalse();
        assertThat(wanted("sha-256=11")).isFalse();
        assertThat(wanted("sha-256=:junk")).as("unreadable: ignored").isFalse();
        assertThat(wanted(null)).isFalse();
    }

    private static boolean wanted(String field) {
        return WantedDigests.of(header -> header.equals("Want-Repr-Digest") ? field : null)
                .repr();
    }

    @Test
    void writesTheFieldAsItReadsIt() {
        assertThat(DigestFields.field(HELLO)).isEqualTo(HELLO_FIELD);
        assertThat(DigestFields.announced(DigestFields.field(HELLO), null)).isEqualTo(Optional.of(HELLO));
    }
}
