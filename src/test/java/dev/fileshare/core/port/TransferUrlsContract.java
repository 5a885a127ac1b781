package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TransferUrls} must do: a PUT URL that stores one file under the condition it was issued with,
 * and a GET URL that leads to the version it was issued for and never to a later one, each for the configured
 * lifetime. Each runner follows a URL the way its receiving end does (S3, or this service's transfer endpoint);
 * how a URL is protected against tampering, and what else it is bound to, is each implementation's own test.
 */
public abstract class TransferUrlsContract {
    /** The lifetime the runner issues its URLs for. */
    protected static final Duration LIFETIME = Duration.ofMinutes(15);

    protected static final Username OWNER = new Username("alice");
    protected static final FileKey FILE = new FileKey(OWNER, new FileName("my report ü+&=%20.pdf"));

    /** Issued by the system clock, for {@link #LIFETIME}. */
    protected abstract TransferUrls transferUrls();

    /** Where the files that the URLs lead to are kept. */
    protected abstract BlobStore blobs();

    /**
     * Sends {@code content} to an upload URL as a client would, with the headers it names.
     *
     * @return whether it was stored; false when the receiving end refused it because its condition did not hold
     */
    protected abstract boolean put(TransferUrl url, byte[] content) throws IOException;

    /**
     * Fetches what a download URL leads to, as a client would.
     *
     * @return empty when the receiving end answers that the version is gone
     */
    protected abstract Optional<byte[]> get(TransferUrl url) throws IOException;

    private static UploadTerms upload(FileKey key, byte[] content, WriteCondition condition) {
        return new UploadTerms(key, content.length, condition);
    }

    private boolean put(FileKey key, byte[] content, WriteCondition condition) throws IOException {
        return put(transferUrls().upload(upload(key, content, condition)), content);
    }

    private FileVersion write(FileKey key, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return blobs().write(key, new ByteArrayInputStream(bytes), bytes.length, WriteCondition.ALWAYS)
                .entry();
    }

    @Test
    void bytesPutThroughAnUploadUrlComeBackThroughADownloadUrl() throws IOException {
        byte[] content = new byte[100_000];
        new Random(5).nextBytes(content);

        TransferUrl upload = transferUrls().upload(upload(FILE, content, WriteCondition.ALWAYS));
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(put(upload, content)).isTrue();

        FileVersion stored = blobs().find(FILE).orElseThrow();
        assertThat(stored.size()).isEqualTo(content.length);
        TransferUrl download = transferUrls().download(stored, OWNER);
        assertThat(download.method()).isEqualTo("GET");
        assertThat(get(download)).hasValue(content);
    }

    @Test
    void aUrlLeadsOnlyToItsOwnFile() throws IOException {
        FileKey other = new FileKey(OWNER, new FileName(FILE.fileName().value() + ".old"));
        assertThat(put(other, new byte[] {1}, WriteCondition.ALWAYS)).isTrue();
        assertThat(put(FILE, new byte[] {2, 2}, WriteCondition.ALWAYS)).isTrue();

        assertThat(get(transferUrls().download(blobs().find(other).orElseThrow(), OWNER)))
                .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1));
        assertThat(get(transferUrls().download(blobs().find(FILE).orElseThrow(), OWNER)))
                .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(2, 2));
    }

    @Test
    void aCreateOnlyUploadUrlStoresNothingOverAnExistingFile() throws IOException {
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        byte[] second = "other".getBytes(StandardCharsets.UTF_8);
        TransferUrl createOnly = transferUrls().upload(upload(FILE, first, WriteCondition.ONLY_IF_ABSENT));

        assertThat(put(createOnly, first)).isTrue();
        assertThat(put(FILE, second, WriteCondition.ONLY_IF_ABSENT)).isFalse();

        FileVersion current = blobs().find(FILE).orElseThrow();
        assertThat(get(transferUrls().download(current, OWNER))).hasValue(first);
    }

    @Test
    void aDownloadUrlNeverLeadsToAVersionWrittenAfterIt() throws IOException {
        FileVersion first = write(FILE, "first");
        TransferUrl download = transferUrls().download(first, OWNER);
        write(FILE, "second, longer");

        // The version it was issued for, or nothing: S3 keeps old versions, this service answers 410.
        Optional<byte[]> fetched = get(download);
        fetched.ifPresent(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("first"));
    }

    @Test
    void expiresOneLifetimeAfterIssueInWholeSeconds() {
        Instant before = Instant.now();
        TransferUrl issued = transferUrls().upload(new UploadTerms(FILE, 1, WriteCondition.ALWAYS));
        Instant after = Instant.now();

        assertThat(issued.expiresAt().getNano()).isZero();
        assertThat(issued.expiresAt()).isBetween(before.plus(LIFETIME).minusSeconds(1), after.plus(LIFETIME));
    }

    @Test
    void anUploadUrlCarriesAtLeastOneByte() {
        assertThat(transferUrls().maxUploadBytes()).isPositive();
    }
}
