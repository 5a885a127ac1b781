package dev.fileshare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.api.BodyDeadline;
import dev.fileshare.api.Cidr;
import dev.fileshare.core.LinkService;
import dev.fileshare.core.LoginThrottle;
import dev.fileshare.core.UploadService;
import dev.fileshare.core.model.Quota;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FileshareConfigTest {

    private static FileshareConfig read(Map<String, String> values) {
        return FileshareConfig.read(new ConfigReader(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void quotasAreUnlimitedUnlessSetAndNeverNegative() {
        assertThat(read(Map.of()).quota()).isEqualTo(Quota.UNLIMITED);
        assertThat(read(Map.of(FileshareConfig.QUOTA_BYTES, "10485760")).quota())
                .isEqualTo(new Quota(OptionalLong.of(10_485_760), OptionalLong.empty()));
        assertThat(read(Map.of(FileshareConfig.QUOTA_FILES, " 3 ")).quota().files())
                .hasValue(3);
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.QUOTA_BYTES, "-1")))
                .hasMessageContaining(FileshareConfig.QUOTA_BYTES);
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.QUOTA_FILES, "10MB")))
                .hasMessageContaining(FileshareConfig.QUOTA_FILES);
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

    @Test
    void loginLimitsDefaultToFiveAHundredAndAHundredIn15Minutes() {
        assertThat(read(Map.of()).loginLimits())
                .isEqualTo(new LoginThrottle.Limits(5, 100, 100, Duration.ofMinutes(15)));
        assertThat(read(Map.of(
                                FileshareConfig.LOGIN_MAX_FAILURES, "3",
                                FileshareConfig.LOGIN_MAX_FAILURES_PER_USERNAME, "50",
                                FileshareConfig.LOGIN_MAX_FAILURES_PER_ADDRESS, "1000",
                                FileshareConfig.LOGIN_WINDOW, "1h"))
                        .loginLimits())
                .isEqualTo(new LoginThrottle.Limits(3, 50, 1000, Duration.ofHours(1)));
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.LOGIN_MAX_FAILURES_PER_ADDRESS, "0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_LOGIN_MAX_FAILURES_PER_ADDRESS");
    }

    @Test
    void uploadsExpireAfterADayAndAChunkNeverOutgrowsTheGateway() {
        assertThat(read(Map.of()).uploads())
                .isEqualTo(new UploadService.Limits(
                        20,
                        Duration.ofHours(24),
                        FileshareConfig.DEFAULT_MAX_BINARY_UPLOAD_BYTES,
                        FileshareConfig.DEFAULT_MAX_CHUNK_BYTES));
        UploadService.Limits behindGateway = read(Map.of(
                        FileshareConfig.GATEWAY_MAX_BODY_BYTES, "9437184",
                        FileshareConfig.UPLOADS_MAX_OPEN, "3",
                        FileshareConfig.UPLOADS_EXPIRE_AFTER, "2h"))
                .uploads();
        assertThat(behindGateway)
                .isEqualTo(new UploadService.Limits(
                        3, Duration.ofHours(2), FileshareConfig.DEFAULT_MAX_BINARY_UPLOAD_BYTES, 9437184));
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.UPLOADS_MAX_OPEN, "0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_UPLOADS_MAX_OPEN");
    }

    @Test
    void trustsNoProxyByDefault() {
        assertThat(read(Map.of()).trustedProxies()).isEmpty();
        assertThat(read(Map.of(FileshareConfig.HTTP_TRUSTED_PROXIES, " ")).trustedProxies())
                .isEmpty();
    }

    @Test
    void trustedProxiesAreCommaSeparatedCidrBlocks() {
        assertThat(read(Map.of(FileshareConfig.HTTP_TRUSTED_PROXIES, "10.0.0.0/16, ::1/128,127.0.0.1"))
                        .trustedProxies())
                .containsExactly(Cidr.parse("10.0.0.0/16"), Cidr.parse("::1/128"), Cidr.parse("127.0.0.1/32"));
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.HTTP_TRUSTED_PROXIES, "10.0.0.0/16,proxy.internal")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_HTTP_TRUSTED_PROXIES")
                .hasMessageContaining("'proxy.internal'");
    }

    @Test
    void noGatewayLimitUnlessOneIsSet() {
        assertThat(read(Map.of()).gatewayMaxBodyBytes()).isZero();
        assertThat(read(Map.of(FileshareConfig.GATEWAY_MAX_BODY_BYTES, "10000000"))
                        .gatewayMaxBodyBytes())
                .isEqualTo(10_000_000);
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.GATEWAY_MAX_BODY_BYTES, "-1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_GATEWAY_MAX_BODY_BYTES");
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.GATEWAY_MAX_BODY_BYTES, "10 MB")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(FileshareConfig.GATEWAY_MAX_BODY_BYTES);
    }

    @Test
    void linksLiveSevenDaysByDefaultAndAtMostAYear() {
        assertThat(read(Map.of()).linkLifetimes())
                .isEqualTo(new LinkService.Lifetimes(Duration.ofDays(7), Duration.ofDays(365)));
        assertThat(read(Map.of(
                                FileshareConfig.LINKS_DEFAULT_LIFETIME, "1h",
                                FileshareConfig.LINKS_MAX_LIFETIME, "30d"))
                        .linkLifetimes())
                .isEqualTo(new LinkService.Lifetimes(Duration.ofHours(1), Duration.ofDays(30)));
        // A maximum below the default lowers the default with it, unless the default is set too.
        assertThat(read(Map.of(FileshareConfig.LINKS_MAX_LIFETIME, "1d")).linkLifetimes())
                .isEqualTo(new LinkService.Lifetimes(Duration.ofDays(1), Duration.ofDays(1)));
        assertThatThrownBy(() -> read(
                        Map.of(FileshareConfig.LINKS_DEFAULT_LIFETIME, "2d", FileshareConfig.LINKS_MAX_LIFETIME, "1d")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_LINKS_DEFAULT_LIFETIME");
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.LINKS_MAX_LIFETIME, "forever")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_LINKS_MAX_LIFETIME");
    }

    @Test
    void thePublicUrlIsAnHttpBaseEndingInASlash() {
        assertThat(read(Map.of()).publicUrl()).isEmpty();
        assertThat(read(Map.of(FileshareConfig.PUBLIC_URL, "https://files.example.com"))
                        .publicUrl())
                .contains(URI.create("https://files.example.com/"));
        assertThat(read(Map.of(FileshareConfig.PUBLIC_URL, "https://example.com/fileshare/"))
                        .publicUrl())
                .contains(URI.create("https://example.com/fileshare/"));
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.PUBLIC_URL, "files.example.com")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_PUBLIC_URL");
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.PUBLIC_URL, "https://example.com/?x=1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_PUBLIC_URL");
    }

    @Test
    void readinessIsCheckedAtMostEveryFiveSecondsAndWaitedForTwo() {
        FileshareConfig defaults = read(Map.of());
        assertThat(defaults.healthCache()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.healthTimeout()).isEqualTo(Duration.ofSeconds(2));

        FileshareConfig set =
                read(Map.of(FileshareConfig.HEALTH_CACHE, "30s", FileshareConfig.HEALTH_TIMEOUT, "500ms"));
        assertThat(set.healthCache()).isEqualTo(Duration.ofSeconds(30));
        assertThat(set.healthTimeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void readinessCannotBeLeftUncachedOrWaitedForLong() {
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.HEALTH_CACHE, "0s")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_HEALTH_CACHE");
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.HEALTH_TIMEOUT, "10m")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(FileshareConfig.HEALTH_TIMEOUT)
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.HEALTH_TIMEOUT, "soon")))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void aBodyMustStartWithinTwentySecondsAndThenArriveAtFiveHundredBytesASecond() {
        assertThat(read(Map.of()).bodyDeadline()).isEqualTo(new BodyDeadline(Duration.ofSeconds(20), 500));
        assertThat(read(Map.of(
                                FileshareConfig.HTTP_BODY_START_TIMEOUT,
                                "5s",
                                FileshareConfig.HTTP_BODY_MIN_RATE,
                                "100"))
                        .bodyDeadline())
                .isEqualTo(new BodyDeadline(Duration.ofSeconds(5), 100));
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.HTTP_BODY_MIN_RATE, "0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("FILESHARE_HTTP_BODY_MIN_RATE");
        assertThatThrownBy(() -> read(Map.of(FileshareConfig.HTTP_BODY_START_TIMEOUT, "1h")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(FileshareConfig.HTTP_BODY_START_TIMEOUT);
    }
}
