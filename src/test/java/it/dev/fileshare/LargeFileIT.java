package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.Contents;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareServer;
import it.dev.fileshare.support.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * A 300 MiB file streamed up and down byte-exact: generated as it is sent, hashed as it arrives, never held in
 * memory or written to disk by the test (which runs in the default heap).
 */
class LargeFileIT {
    private static final long SIZE = 300L * Contents.MIB;
    private static final long SEED = 300;
    private final FileshareClient client = new FileshareClient();

    @Test
    void roundTrips300MiBByteExact() throws IOException {
        Session owner = client.signUp("big");
        String expected = Contents.digest(Contents.stream(SEED, SIZE)).sha256();

        long start = System.nanoTime();
        ApiResponse upload = client.uploadBinary(owner.token(), "big.bin", () -> Contents.stream(SEED, SIZE), SIZE);
        long uploaded = System.nanoTime();
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        assertThat(upload.json().getJsonNumber("size").longValue()).isEqualTo(SIZE);

        FileshareClient.Streamed download = client.downloadStreamed(owner.token(), owner.username(), "big.bin");
        long downloaded = System.nanoTime();
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Length")).contains(Long.toString(SIZE));
        assertThat(download.size()).isEqualTo(SIZE);
        assertThat(download.sha256()).isEqualTo(expected);
        System.out.printf(
                "300 MiB round trip (%s store): upload %.1f s, download %.1f s, heap max %d MiB%n",
                FileshareServer.store(),
                (uploaded - start) / 1e9,
                (downloaded - uploaded) / 1e9,
                Runtime.getRuntime().maxMemory() / Contents.MIB);

        // A range deep inside the big file.
        FileshareClient.Streamed tail = client.downloadStreamed(
                owner.token(), owner.username(), "big.bin", "Range", "bytes=" + (SIZE - Contents.MIB) + "-");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.sha256()).isEqualTo(lastMiBDigest());
    }

    private static String lastMiBDigest() {
        try (var in = Contents.stream(SEED, SIZE)) {
            in.skipNBytes(SIZE - Contents.MIB);
            return Contents.digest(in).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
