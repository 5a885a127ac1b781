package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkChecksumTest {
    // sha1("abc") and sha256("abc"), in Base64
    private static final String SHA1_ABC = "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=";
    private static final String SHA256_ABC = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";

    @Test
    void aMatchingChunkReadsThrough() throws IOException {
        for (String header : new String[] {"sha1 " + SHA1_ABC, "sha256 " + SHA256_ABC}) {
            ChunkChecksum.Verifying in = ChunkChecksum.parse(header).verifying(abc());

            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.mismatched()).isFalse();
        }
    }

    @Test
    void anotherChunkFailsAtItsEnd() {
        ChunkChecksum.Verifying in = ChunkChecksum.parse("sha256 " + SHA256_ABC)
                .verifying(new ByteArrayInputStream("abd".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        assertThat(in.mismatched()).isTrue();
    }

    @Test
    void refusesUnknownAlgorithmsAndMalformedDigests() {
        for (String bad :
                new String[] {"md5 " + SHA1_ABC, "sha256 " + SHA1_ABC, "sha256", "sha256 !!", "SHA256 " + SHA256_ABC}) {
            assertThatThrownBy(() -> ChunkChecksum.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }

    private static ByteArrayInputStream abc() {
        return new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8));
    }
}
