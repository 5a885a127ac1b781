package dev.fileshare.infra;

import static dev.fileshare.infra.Synthesis.properties;
import static dev.fileshare.infra.Synthesis.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Browsers on other origins: -c corsOrigins=a,b configures CORS on the HTTP API (session headers,
 * conditions, ranges and the resumable upload's headers) and on the bucket the presigned URLs point
 * at; without it there is no CORS configuration at all.
 */
class CorsTest {

    private static final List<String> ORIGINS = List.of("https://a.example", "https://b.example");

    @Test
    void withoutOriginsNeitherTheApiNorTheBucketAnswersCors() {
        Synthesis synthesis = Synthesis.of(Map.of());
        assertThat(properties(synthesis.only("AWS::ApiGatewayV2::Api"))).doesNotContainKey("CorsConfiguration");
        synthesis
                .resources("AWS::S3::Bucket")
                .values()
                .forEach(bucket -> assertThat(properties(bucket)).doesNotContainKey("CorsConfiguration"));
    }

    @Test
    void theApiAllowsTheOriginsTheirHeadersAndExposesWhatClientsRead() {
        Synthesis synthesis = Synthesis.of(Map.of("corsOrigins", String.join(",", ORIGINS)));
        Map<?, ?> cors =
                (Map<?, ?>) properties(synthesis.only("AWS::ApiGatewayV2::Api")).get("CorsConfiguration");

        assertThat(strings(cors.get("AllowOrigins"))).containsExactlyInAnyOrderElementsOf(ORIGINS);
        assertThat(lower(cors.get("AllowHeaders")))
                .contains(
                        "x-session-token",
                        "authorization",
                        "content-type",
                        "if-match",
                        "if-none-match",
                        "range",
                        "upload-length",
                        "upload-offset",
                        "upload-metadata",
                        "tus-resumable",
                        "upload-checksum",
                        "repr-digest",
                        "content-digest");
        assertThat(lower(cors.get("ExposeHeaders")))
                .contains(
                        "etag",
                        "content-disposition",
                        "location",
                        "upload-offset",
                        "upload-length",
                        "tus-resumable",
                        "repr-digest");
        assertThat(strings(cors.get("AllowMethods"))).contains("GET", "HEAD", "PUT", "POST", "PATCH", "DELETE");
        // Sessions are headers, not cookies: no credentials mode.
        assertThat(cors.get("AllowCredentials")).isIn(null, false);
    }

    @Test
    void theBucketLetsThoseOriginsUseThePresignedUploadAndDownloadUrls() {
        Synthesis synthesis = Synthesis.of(Map.of("corsOrigins", String.join(",", ORIGINS)));
        String files = synthesis.logicalId(synthesis.stack().dataStores().bucket());
        Map<?, ?> cors = (Map<?, ?>)
                properties(synthesis.resources("AWS::S3::Bucket").get(files)).get("CorsConfiguration");
        Map<?, ?> rule = (Map<?, ?>) Synthesis.list(cors.get("CorsRules")).get(0);

        assertThat(strings(rule.get("AllowedOrigins"))).containsExactlyInAnyOrderElementsOf(ORIGINS);
        assertThat(strings(rule.get("AllowedMethods"))).contains("PUT", "GET");
        assertThat(lower(rule.get("ExposedHeaders"))).contains("etag");
        // The access-log bucket (and any other) is no browser's business.
        synthesis.resources("AWS::S3::Bucket").forEach((id, bucket) -> {
            if (!id.equals(files)) {
                assertThat(properties(bucket)).as(id).doesNotContainKey("CorsConfiguration");
            }
        });
    }

    private static List<String> lower(final Object values) {
        return strings(values).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
