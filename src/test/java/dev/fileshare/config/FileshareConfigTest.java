package dev.fileshare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileshareConfigTest {

    private static FileshareConfig read(Map<String, String> values) {
        return FileshareConfig.read(new ConfigReader(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void transferUrlsLiveFifteenMinutesByDefault() {
        assertThat(read(Map.of()).transferUrlLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read(Map.of(FileshareConfig.STORE, "aws")).transferUrlLifetime())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theAwsModesPresignedUrlsLiveAtMostSevenDays() {
        assertThat(read(Map.of(FileshareConfig.STORE, "aws", FileshareConfig.TRANSFER_URL_LIFETIME, "7d"))
                        .transferUrlLifetime())
                .isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(
                        () -> read(Map.of(FileshareConfig.STORE, "aws", FileshareConfig.TRANSFER_URL_LIFETIME, "8d")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(FileshareConfig.TRANSFER_URL_LIFETIME)
                .hasMessageContaining("FILESHARE_TRANSFER_URL_LIFETIME");
        // The local mode's own signed URLs have no such ceiling.
        assertThat(read(Map.of(FileshareConfig.TRANSFER_URL_LIFETIME, "8d")).transferUrlLifetime())
                .isEqualTo(Duration.ofDays(8));
    }
}
