package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The listing's cursor: opaque to clients, and only ever a part and a valid key when read back. */
class ListCursorTest {
    private static final FileKey KEY = new FileKey(new Username("alice"), new FileName("a b ü 😀.txt"));

    @Test
    void readsBackWhatItWrote() {
        for (ListCursor.Part part : ListCursor.Part.values()) {
            ListCursor cursor = new ListCursor(part, KEY);

            String encoded = cursor.encoded();

            assertThat(encoded).matches("[A-Za-z0-9_-]+");
            assertThat(ListCursor.parse("cursor", encoded)).isEqualTo(cursor);
        }
    }

    @Test
    void refusesAnythingElseNamingTheField() {
        String[] bad = {
            null,
            "",
            "!!!",
            "AAAA",
            "a".repeat(2000),
            text("o\nalice"),
            text("x\nalice\nnotes.txt"),
            text("o\nnot a user\nnotes.txt"),
            text("o\nalice\n.."),
            text("o\nalice\nsub/dir"),
            text("o\nalice\nnotes.txt\nmore"),
            Base64.getUrlEncoder().encodeToString(new byte[] {'o', '\n', 'a', '\n', (byte) 0xC3})
        };
        for (String text : bad) {
            assertThatThrownBy(() -> ListCursor.parse("cursor", text))
                    .as("%s", text)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("cursor"));
        }
    }

    private static String text(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
