package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * cdk.json, which the CDK command line reads: it runs the app with the project's Maven wrapper and
 * sets the feature flags that {@code cdk init} of the aws-cdk-lib in use recommends (read from that
 * library's own recommended-feature-flags.json, so an upgrade that recommends more fails here).
 */
class CdkJsonTest {

    @Test
    void runsTheAppWithTheMavenWrapperOfTheRepository() {
        assertThat(CdkJson.read().app()).isEqualTo("../mvnw -e -q compile exec:java");
        assertThat(RepositoryFiles.ROOT.resolve("mvnw")).isExecutable();
    }

    @Test
    void setsEveryFeatureFlagTheLibraryInUseRecommends() throws IOException {
        Map<String, Object> recommended = recommendedFeatureFlags();
        assertThat(recommended).hasSizeGreaterThan(50);
        assertThat(CdkJson.read().context()).containsAllEntriesOf(recommended);
    }

    /** package/recommended-feature-flags.json inside the aws-cdk-lib jar's jsii bundle (a .tgz). */
    private static Map<String, Object> recommendedFeatureFlags() throws IOException {
        Path jar = Path.of(
                App.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry bundle = zip.stream()
                    .filter(e -> e.getName().matches("software/amazon/awscdk/aws-cdk-lib@.*\\.jsii\\.tgz"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no jsii bundle in " + jar));
            try (InputStream tar = new GZIPInputStream(zip.getInputStream(bundle))) {
                byte[] flags = tarEntry(tar, "package/recommended-feature-flags.json");
                return new ObjectMapper().readValue(flags, new TypeReference<>() {});
            }
        }
    }

    /** One file of a tar stream (ustar: 512-byte headers, name at 0, octal size at 124, prefix at 345). */
    private static byte[] tarEntry(final InputStream tar, final String wanted) throws IOException {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            long padded = (size + 511) / 512 * 512;
            if (path.equals(wanted)) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                content.write(tar.readNBytes((int) size));
                return content.toByteArray();
            }
            tar.skipNBytes(padded);
        }
        throw new AssertionError(wanted + " is not in the aws-cdk-lib bundle");
    }

    private static String field(final byte[] header, final int offset, final int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
