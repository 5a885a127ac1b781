package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TransferUrls} must do: a PUT URL and a GET URL for one file, each leading to that file, for the
 * configured lifetime. Each runner follows a URL the way its receiving end does (S3, or this service's transfer
 * endpoint); how a URL is protected against tampering is each implementation's own test.
 */
public abstract class TransferUrlsContract {
    /** The lifetime the runner issues its URLs for. */
    protected static final Duration LIFETIME = Duration.ofMinutes(15);

    protected static final FileKey FILE = new FileKey(new Username("alice"), new FileName("my report ü+&=%20.pdf"));

    /** Issued by the system clock, for {@link #LIFETIME}. */
    protected abstract TransferUrls transferUrls();

    /** Where the files that the URLs lead to are kept. */
    protected abstract BlobStore blobs();

    /** Sends {@code content} to an upload URL as a client would. */
    protected abstract void put(TransferUrl url, byte[] content) throws IOException;

    /** Fetches what a download URL leads to, as a client would. */
    protected abstract byte[] get(TransferUrl url) throws IOException;

    @Test
    void bytesPutThroughAnUploadUrlComeBackThroughADownloadUrl() throws IOException {
        byte[] content = new byte[100_000];
        new Random(5).nextBytes(content);

        TransferUrl upload = transferUrls().upload(FILE);
        assertThat(upload.method()).isEqualTo("PUT");
        put(upload, content);

        FileVersion stored = blobs().find(FILE).orElseThrow();
        assertThat(stored.size()).isEqualTo(content.length);
        TransferUrl download = transferUrls().download(stored);
        assertThat(download.method()).isEqualTo("GET");
        assertThat(get(download)).isEqualTo(content);
    }

    @Test
    void aUrlLeadsOnlyToItsOwnFile() throws IOException {
        FileKey other = new FileKey(FILE.owner(), new FileName(FILE.fileName().value() + ".old"));
        put(transferUrls().upload(other), new byte[] {1});
        put(transferUrls().upload(FILE), new byte[] {2, 2});

        assertThat(get(transferUrls().download(blobs().find(other).orElseThrow())))
                .containsExactly(1);
        assertThat(get(transferUrls().download(blobs().find(FILE).orElseThrow())))
                .containsExactly(2, 2);
        assertThat(transferUrls().upload(other).url())
                .isNotEqualTo(transferUrls().upload(FILE).url());
    }

    @Test
    void expiresOneLifetimeAfterIssueInWholeSeconds() {
        Instant before = Instant.now();
        TransferUrl issued = transferUrls().upload(FILE);
        Instant after = Instant.now();

        assertThat(issued.expiresAt().getNano()).isZero();
        assertThat(issued.expiresAt()).isBetween(before.plus(LIFETIME).minusSeconds(1), after.plus(LIFETIME));
    }

    @Test
    void anUploadUrlCarriesAtLeastOneByte() {
        assertThat(transferUrls().maxUploadBytes()).isPositive();
    }
}
