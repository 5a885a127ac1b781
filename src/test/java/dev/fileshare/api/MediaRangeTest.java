package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The header checks of {@link MediaTypeHeaderFilter}: each element of {@code Accept} a media range with a q value
 * as RFC 9110 section 12.4.2 writes it, and {@code Content-Type} a media type; parsed by RESTEasy, as on Liberty.
 */
class MediaRangeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*/*",
                "text/*",
                "application/json",
                "text/plain;q=0",
                "text/plain;q=1",
                "text/plain; q=0.5",
                "text/plain;q=0.125",
                "text/plain;q=1.000",
                "text/plain;q=1.",
                "application/octet-stream;charset=utf-8;q=0.9"
            })
    void acceptsMediaRangesWithQValuesFromZeroToOne(String range) {
        assertThat(MediaTypeHeaderFilter.isMediaRange(range)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain;q=abc",
                "text/plain;q=1.5",
                "text/plain;q=2",
                "text/plain;q=-0",
                "text/plain;q=0.1234",
                "text/plain;q=.5",
                "text/plain;q=1e0",
                "text/plain;q=",
                "/plain",
                "text/plain/extra"
            })
    void refusesAnythingElse(String range) {
        assertThat(MediaTypeHeaderFilter.isMediaRange(range)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/octet-stream", "text/plain; charset=UTF-8"})
    void parsesContentTypes(String type) {
        assertThat(MediaTypeHeaderFilter.parse(type)).isEqualTo(MediaType.valueOf(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/json", "application/json/x", "json", ""})
    void aContentTypeThatNamesNoMediaTypeParsesToNull(String type) {
        assertThat(MediaTypeHeaderFilter.parse(type)).isNull();
    }
}
