package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemExamples;
import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GatewayLimitTest {
    private final GatewayLimit gateway = new GatewayLimit(9_437_184);

    @Test
    void noGatewayLimitsNothing() {
        assertThat(GatewayLimit.NONE.exceeds(Long.MAX_VALUE)).isFalse();
        assertThat(GatewayLimit.NONE.bound(5L << 30)).isEqualTo(5L << 30);
    }

    @Test
    void aBodyUpToTheLimitPassesOneByteMoreDoesNot() {
        assertThat(gateway.exceeds(9_437_184)).isFalse();
        assertThat(gateway.exceeds(9_437_185)).isTrue();
        assertThat(gateway.bound(5L << 30)).isEqualTo(9_437_184);
        assertThat(gateway.bound(1_000)).isEqualTo(1_000);
    }

    @Test
    void aNegativeLimitIsNoLimit() {
        assertThatThrownBy(() -> new GatewayLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUploadRefusalNamesTheWaysThatCarryLargeFiles() {
        assertThat(gateway.uploadTooLarge(50_000_000).getMessage())
                .startsWith("The body is 50000000 bytes, over the 9437184 bytes the API gateway carries")
                .doesNotContain("/uploads")
                .contains("POST /file/upload-url");
        assertThat(gateway.uploadTooLarge(-1).getMessage()).startsWith("The body is larger, over the 9437184 bytes");
    }

    @Test
    void theDownloadRefusalIsAConflictThatNamesTheDownloadUrlAndRanges() {
        Problem problem = gateway.downloadTooLarge(52_428_800);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail())
                .contains("GET /file/download-url")
                .contains("Range requests of at most 9437184 bytes");
    }

    @Test
    void theDocumentedExampleIsWhatTheServiceAnswers() {
        var example = Json.createReader(new StringReader(ProblemExamples.TOO_LARGE_FOR_GATEWAY))
                .readObject();

        assertThat(example.getString("detail"))
                .isEqualTo(gateway.downloadTooLarge(52_428_800).detail());
        assertThat(example.getInt("status")).isEqualTo(409);
    }
}
