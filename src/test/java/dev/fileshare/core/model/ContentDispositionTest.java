package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Content-Disposition: attachment} as RFC 6266 has it: an ASCII fallback and the exact name (RFC 8187). */
class ContentDispositionTest {
    private static final Pattern HEADER =
            Pattern.compile("attachment; filename=\"([^\"\\\\]*)\"; filename\\*=UTF-8''([A-Za-z0-9!#$&+^_`|~.%-]*)");

    @Test
    void aPlainAsciiNameIsTheSameInBothParameters() {
        assertThat(ContentDisposition.attachment("report-2026_v1.pdf"))
                .isEqualTo("attachment; filename=\"report-2026_v1.pdf\"; filename*=UTF-8''report-2026_v1.pdf");
    }

    @Test
    void theFallbackReplacesWhatAQuotedStringCannotCarrySafely() {
        assertThat(ContentDisposition.attachment("a \"b\" c\\d 50%.txt"))
                .isEqualTo("attachment; filename=\"a _b_ c_d 50_.txt\"; "
                        + "filename*=UTF-8''a%20%22b%22%20c%5Cd%2050%25.txt");
    }

    @Test
    void nonAsciiCharactersArePercentEncodedUtf8AndUnderscoresInTheFallback() {
        assertThat(ContentDisposition.attachment("ü😀.txt"))
                .isEqualTo("attachment; filename=\"___.txt\"; filename*=UTF-8''%C3%BC%F0%9F%98%80.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a b*c+d", "x;y=z,\"q\"", "tab\u007Fdel", "日本語 ファイル.pdf", "😀", "%41", "'quoted'"})
    void theExactNameDecodesBackAndOnlyAttrCharsAreLeftBare(String name) {
        Matcher header = HEADER.matcher(ContentDisposition.attachment(name));

        assertThat(header.matches()).as(ContentDisposition.attachment(name)).isTrue();
        assertThat(URLDecoder.decode(header.group(2), StandardCharsets.UTF_8)).isEqualTo(name);
        assertThat(header.group(1)).hasSize(name.length()).matches("[\\x20-\\x7E]*");
    }
}
