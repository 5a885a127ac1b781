package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictBase64Test {

    @Test
    void decodesWhatTheStandardEncoderProducesForEveryLength() {
        Random random = new Random(42);
        for (int length = 0; length < 64; length++) {
            byte[] content = new byte[length];
            random.nextBytes(content);
            String encoded = Base64.getEncoder().encodeToString(content);

            assertThat(StrictBase64.decode("content", encoded)).isEqualTo(content);
            assertThat(StrictBase64.decodedLength(encoded)).isEqualTo(length);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aGVsbG8", // padding missing
                "aGVsbG8=\n", // line break
                "aGVs\nbG8=", // line break inside
                "aGVsbG8-", // URL-safe alphabet
                "aGV_bG8=", // URL-safe alphabet
                "aGVsbG8==", // too much padding
                "a===", // padding where data must be
                "aGVsbG8 ", // space
                "=aGV", // padding first
                "aG=s", // padding in the middle
                "aGVsbG9=", // non-zero unused bits (canonical form is aGVsbG8=)
                "QR==", // non-zero unused bits (canonical form is QQ==)
                "AA=A" // padding before data (found by the property test: it once reached the JDK decoder)
            })
    void rejectsAnythingButCanonicalPaddedStandardBase64(String encoded) {
        assertThatThrownBy(() -> StrictBase64.decode("content", encoded))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("content"));
    }

    @Test
    void theEmptyStringIsTheEmptyFile() {
        assertThat(StrictBase64.decode("content", "")).isEmpty();
    }

    @Test
    void namesWhatIsWrongWithTheContent() {
        assertProblem("QQ=", "must be standard Base64 with padding (length a multiple of 4)");
        assertProblem("QQ-=", "must be standard Base64: invalid character at position 2");
        assertProblem("QR==", "must be canonical Base64: the unused bits before the padding must be zero");
    }

    private static void assertProblem(String encoded, String problem) {
        assertThatThrownBy(() -> StrictBase64.decode("content", encoded))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("content", problem)));
    }
}
