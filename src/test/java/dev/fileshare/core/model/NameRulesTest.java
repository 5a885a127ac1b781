package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Alice_01", "x-y", "_", "-"})
    void acceptsUsernamesOfTheAllowedCharacters(String name) {
        assertThat(Username.parse("username", name).value()).isEqualTo(name);
    }

    @Test
    void acceptsA64CharacterUsernameButNot65() {
        assertThat(Username.isValid("a".repeat(64))).isTrue();
        assertThat(Username.isValid("a".repeat(65))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a/b", "a.b", "ü", "a\u0000", "alice\n", "a@b"})
    void rejectsOtherUsernamesNamingTheField(String name) {
        assertThatThrownBy(() -> Username.parse("username", name))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("username"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a.txt", "...", ".hidden", "a b", "ü😀", "x..y", "%2e%2e", "COM1", "'; DROP TABLE files; --"})
    void acceptsFileNamesWithinTheRules(String name) {
        assertThat(FileName.parse("file_name", name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "/", "a\\b", "a\u0000b", "tab\t", "line\n", "del\u007F", "\u001F"})
    void rejectsFileNamesThatBreakARule(String name) {
        assertThatThrownBy(() -> FileName.parse("file_name", name)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theNfdAndNfcSpellingsOfANameAreOneName() {
        FileName decomposed = FileName.parse("file_name", "cafe\u0301.txt");
        FileName composed = FileName.parse("file_name", "caf\u00E9.txt");

        assertThat(decomposed).isEqualTo(composed);
        assertThat(decomposed.value()).isEqualTo("caf\u00E9.txt");
        assertThat(new FileName("Å").value()).isEqualTo("\u00C5");
        assertThat(new FileName("A\u030A").value()).isEqualTo("\u00C5");
        // The Angstrom sign is canonically the letter: one name too.
        assertThat(new FileName("\u212B")).isEqualTo(new FileName("\u00C5"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "invoice\u202Efdp.exe", // RIGHT-TO-LEFT OVERRIDE: shows as invoiceexe.pdf
                "a\u202Ab",
                "a\u202Bb",
                "a\u202Cb",
                "a\u202Db",
                "a\u2066b",
                "a\u2067b",
                "a\u2068b",
                "a\u2069b",
                "a\u200Eb",
                "a\u200Fb",
                "a\u061Cb"
            })
    void rejectsBidirectionalControls(String name) {
        int control = name.codePoints().filter(c -> c > 0x7F).findFirst().orElseThrow();
        assertThatThrownBy(() -> FileName.parse("file_name", name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file_name")
                .hasMessageContaining("bidirectional")
                .hasMessageContaining(String.format("U+%04X", control));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pay\u200Bpal", "a\u200Cb", "a\u200Db", "a\u2060b", "\uFEFFa", "a\u00ADb", "a\uDB40\uDC01"})
    void rejectsInvisibleFormatCharacters(String name) {
        assertThatThrownBy(() -> FileName.parse("file_name", name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invisible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0085b", "a\u0080", "\u009F", "a\u009Bb", "line\u2028sep", "para\u2029sep"})
    void rejectsC1ControlsAndLineOrParagraphSeparators(String name) {
        assertThatThrownBy(() -> FileName.parse("file_name", name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file_name");
    }

    @Test
    void saysWhichCharacterItRefused() {
        assertThatThrownBy(() -> FileName.parse("file_name", "x\u0007"))
                .hasMessage("file_name: must not contain control characters (U+0007)");
        assertThatThrownBy(() -> FileName.parse("file_name", "x\u2028"))
                .hasMessage("file_name: must not contain line or paragraph separators (U+2028)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ünïcödé.txt", "日本語.txt", "עברית.txt", "العربية.txt", "a\u0301", "👍🏽", "x\uFE0F"})
    void acceptsOrdinaryTextOfAnyScript(String name) {
        assertThat(FileName.problemWith(name)).isNull();
    }

    @Test
    void limitsFileNamesTo255BytesOfUtf8NotCharacters() {
        assertThat(FileName.problemWith("a".repeat(255))).isNull();
        assertThat(FileName.problemWith("a".repeat(256))).isNotNull();
        // "é" is two bytes in UTF-8: 127 of them fit, 128 do not.
        assertThat(FileName.problemWith("é".repeat(127))).isNull();
        assertThat(FileName.problemWith("é".repeat(128))).isNotNull();
    }

    @Test
    void rejectsLoneSurrogatesWhichHaveNoUtf8Form() {
        assertThat(FileName.problemWith("a\uD800b")).isNotNull();
        assertThat(FileName.problemWith("a\uDC00")).isNotNull();
        assertThat(FileName.problemWith("\uD83D\uDE00")).isNull();
    }

    @Test
    void requiresAName() {
        assertThatThrownBy(() -> FileName.parse("file_name", null)).hasMessageContaining("required");
        assertThatThrownBy(() -> Username.parse("username", null)).hasMessageContaining("required");
    }

    @Test
    void passwordsAre8To1024Characters() {
        assertThat(Password.parse("password", "12345678").value()).isEqualTo("12345678");
        assertThat(Password.parse("password", "x".repeat(1024)).value()).hasSize(1024);
        assertThatThrownBy(() -> Password.parse("password", "1234567")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Password.parse("password", "x".repeat(1025)))
                .isInstanceOf(InvalidInputException.class);
        // Counted in characters, not UTF-16 units: eight emoji are eight characters.
        assertThat(Password.parse("password", "😀".repeat(8)).value()).isNotEmpty();
    }

    @Test
    void aLoginPasswordIsAnythingUpTo1024CharactersAsRegistrationCounts() {
        assertThat(Password.forLogin("password", "").value()).isEmpty();
        assertThat(Password.forLogin("password", "😀".repeat(1024)).value()).hasSize(2048);
        assertThatThrownBy(() -> Password.forLogin("password", "x".repeat(1025)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("password", "must be at most 1024 characters")));
        assertThatThrownBy(() -> Password.forLogin("password", "😀".repeat(1025)))
                .isInstanceOf(InvalidInputException.class);
        // More UTF-16 units than 1024 characters can take is refused before they are counted.
        assertThatThrownBy(() -> Password.forLogin("password", "x".repeat(2049)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Password.forLogin("password", null)).hasMessageContaining("required");
    }

    @Test
    void aPasswordNeverPrintsItself() {
        assertThat(new Password("hunter22-secret").toString()).doesNotContain("hunter22");
    }

    @Test
    void keysSortInCodePointOrderLikeS3() {
        FileKey bobA = new FileKey(new Username("bob"), new FileName("a"));
        FileKey bobXA = new FileKey(new Username("bob-x"), new FileName("a"));
        // '-' (0x2D) sorts before '/' (0x2F): "bob-x/a" < "bob/a", as the keys' bytes do.
        assertThat(FileKey.ORDER.compare(bobXA, bobA)).isNegative();
        FileKey bmp = new FileKey(new Username("u"), new FileName("\uFFFD"));
        FileKey astral = new FileKey(new Username("u"), new FileName("😀"));
        // UTF-16 order would put the emoji (a surrogate pair, 0xD83D...) first; code point order does not.
        assertThat(FileKey.ORDER.compare(bmp, astral)).isNegative();
    }

    @Test
    void keyOrderAgreesWithTheKeysCodePointsWhateverTheCharacters() {
        String[] names = {"a", "ab", "a b", "b", "\uE000", "\uFFFD", "😀", "😁", "a😀", "a\uFFFD", "x😀y", "x😀z", "é"};
        for (String x : names) {
            for (String y : names) {
                FileKey a = new FileKey(new Username("u"), new FileName(x));
                FileKey b = new FileKey(new Username("u"), new FileName(y));
                int expected = Integer.signum(java.util.Arrays.compare(
                        a.value().codePoints().toArray(), b.value().codePoints().toArray()));
                assertThat(Integer.signum(FileKey.ORDER.compare(a, b)))
                        .as("%s vs %s", x, y)
                        .isEqualTo(expected);
            }
        }
    }
}
