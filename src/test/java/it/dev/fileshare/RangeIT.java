package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.Session;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /file with Range: one satisfiable range is 206 with Content-Range and exactly those bytes; a start past the
 * end is 416 with {@code Content-Range: bytes *}{@code /size}; several ranges or a malformed header get the whole
 * file (200), as RFC 9110 allows; Base64 answers ignore Range.
 */
class RangeIT {
    private static final FileshareClient CLIENT = new FileshareClient();
    private static final int SIZE = 1000;
    private static final byte[] CONTENT = Contents.random(42, SIZE);
    private static Session alice;

    @BeforeAll
    static void upload() {
        alice = CLIENT.signUp("rng-alice");
        assertThat(CLIENT.uploadBinary(alice.token(), "thousand.bin", CONTENT).status())
                .isEqualTo(201);
        assertThat(CLIENT.uploadBinary(alice.token(), "empty.bin", new byte[0]).status())
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} -> {1}-{2}")
    @CsvSource({
        "bytes=0-99,      0,   99",
        "bytes=100-,      100, 999",
        "bytes=-100,      900, 999",
        "bytes=900-5000,  900, 999",
        "bytes=999-999,   999, 999",
        "bytes=0-0,       0,   0",
        "bytes=-5000,     0,   999",
        "bytes=0-999,     0,   999",
    })
    void oneRangeIs206WithContentRangeAndThoseBytes(String range, int first, int last) {
        ApiResponse partial = get("thousand.bin", range);

        assertThat(partial.status()).as("%s", partial).isEqualTo(206);
        assertThat(partial.mediaType()).isEqualTo("application/octet-stream");
        assertThat(partial.header("Content-Range")).contains("bytes " + first + "-" + last + "/" + SIZE);
        assertThat(partial.header("Content-Length")).contains(String.valueOf(last - first + 1));
        assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(CONTENT, first, last + 1));
        assertThat(partial.header("ETag")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-1005", "bytes=5000-6000"})
    void aStartPastTheEndIs416WithTheSize(String range) {
        ApiResponse unsatisfiable = get("thousand.bin", range);

        assertProblem(unsatisfiable, 416);
        assertThat(unsatisfiable.header("Content-Range")).contains("bytes */" + SIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-", "bytes=-1"})
    void noRangeOfAnEmptyFileIsSatisfiable(String range) {
        ApiResponse unsatisfiable = get("empty.bin", range);

        assertProblem(unsatisfiable, 416);
        assertThat(unsatisfiable.header("Content-Range")).contains("bytes */0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bytes=0-1,5-9",
                "bytes=0-99, 200-299",
                "bytes=abc",
                "bytes=5-2",
                "items=0-99",
                "bytes=",
                "bytes=-",
                "0-99",
                "bytes=--1",
                "bytes=1-2-3"
            })
    void severalRangesOrAMalformedOneGetTheWholeFile(String range) {
        ApiResponse whole = get("thousand.bin", range);

        assertThat(whole.status()).as("%s for %s", whole, range).isEqualTo(200);
        assertThat(whole.header("Content-Range")).isEmpty();
        assertThat(whole.body()).isEqualTo(CONTENT);
    }

    @Test
    void base64AnswersIgnoreRange() {
        ApiResponse text = FileshareClient.send(CLIENT.request("file?file_name=thousand.bin", alice.token())
                .header("Accept", "text/plain")
                .header("Range", "bytes=0-99")
                .GET());

        assertThat(text.status()).as("%s", text).isEqualTo(200);
        assertThat(text.mediaType()).isEqualTo("text/plain");
        assertThat(text.header("Content-Range")).isEmpty();
        assertThat(text.text()).isEqualTo(Base64.getEncoder().encodeToString(CONTENT));
    }

    @Test
    void aGranteeGetsRangesToo() {
        Session bob = CLIENT.signUp("rng-bob");
        CLIENT.share(alice.token(), "thousand.bin", bob.username());

        ApiResponse partial = FileshareClient.send(
                CLIENT.request("file?file_name=thousand.bin&username=" + alice.username(), bob.token())
                        .header("Range", "bytes=-10")
                        .GET());

        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 990, 1000));
    }

    private static ApiResponse get(String name, String range) {
        return FileshareClient.send(CLIENT.request("file?file_name=" + name, alice.token())
                .header("Range", range)
                .GET());
    }
}
