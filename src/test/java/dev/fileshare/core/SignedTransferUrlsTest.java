package dev.fileshare.core;

import static dev.fileshare.core.port.TransferUrlQueries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.DownloadTerms;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.TransferUrlRefusedException;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.TransferUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the local mode's signed URLs have beyond the transfer URL contract (SignedTransferUrlsContractTest): their
 * query, and a signature bound to one method, one file, one expiry and what they were issued for (an upload's size
 * and condition, a download's version and grantee), refused after the expiry or when any of it is changed.
 */
class SignedTransferUrlsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T11:23:25.750Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final FileKey FILE = new FileKey(ALICE, new FileName("my report ü+&.pdf"));
    private static final FileVersion VERSION = new FileVersion(FILE, 5, NOW, "\"e1\"");
    private static final UploadTerms UPLOAD = new UploadTerms(FILE, 1234, WriteCondition.ALWAYS);

    private final MutableClock clock = new MutableClock(NOW);
    private final SignedTransferUrls transferUrls = new SignedTransferUrls(key((byte) 7), LIFETIME, clock);

    @Test
    void anUploadUrlIsAPutToTransferOfTheSizeThatExpiresAfterTheLifetime() {
        TransferUrl issued = transferUrls.upload(UPLOAD);

        assertThat(issued.method()).isEqualTo("PUT");
        assertThat(issued.url().getPath()).isEqualTo(SignedTransferUrls.PATH);
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-24T11:38:25Z"));
        assertThat(issued.headers()).containsExactly(Map.entry("content-type", "application/octet-stream"));
        Map<String, String> query = query(issued);
        assertThat(query)
                .containsEntry("owner", "alice")
                .containsEntry("file_name", "my report ü+&.pdf")
                .containsEntry("size", "1234")
                .containsEntry("expires", Long.toString(issued.expiresAt().getEpochSecond()))
                .doesNotContainKeys("if_none_match", "if_match");
        assertThat(verifyUpload(query, WriteCondition.ALWAYS)).isEqualTo(UPLOAD);
    }

    @Test
    void anUploadUrlCarriesItsCondition() {
        TransferUrl createOnly = transferUrls.upload(new UploadTerms(FILE, 3, WriteCondition.ONLY_IF_ABSENT));
        TransferUrl ifMatch = transferUrls.upload(new UploadTerms(FILE, 3, new WriteCondition.OnlyIfMatches("\"e1\"")));

        assertThat(query(createOnly)).containsEntry("if_none_match", "*");
        assertThat(query(ifMatch)).containsEntry("if_match", "\"e1\"");
        assertThat(verifyUpload(query(createOnly), WriteCondition.ONLY_IF_ABSENT)
                        .condition())
                .isEqualTo(WriteCondition.ONLY_IF_ABSENT);
        assertThat(verifyUpload(query(ifMatch), new WriteCondition.OnlyIfMatches("\"e1\""))
                        .condition())
                .isEqualTo(new WriteCondition.OnlyIfMatches("\"e1\""));
    }

    @Test
    void anUploadUrlsSizeAndConditionCannotBeChanged() {
        Map<String, String> query =
                query(transferUrls.upload(new UploadTerms(FILE, 10, WriteCondition.ONLY_IF_ABSENT)));
        long expires = Long.parseLong(query.get("expires"));
        String signature = query.get("signature");

        for (UploadTerms other : List.of(
                new UploadTerms(FILE, 11, WriteCondition.ONLY_IF_ABSENT),
                new UploadTerms(FILE, 9, WriteCondition.ONLY_IF_ABSENT),
                new UploadTerms(FILE, 10, WriteCondition.ALWAYS),
                new UploadTerms(FILE, 10, new WriteCondition.OnlyIfMatches("\"x\"")))) {
            assertThatThrownBy(() -> transferUrls.verifyUpload(other, expires, signature))
                    .as("%s", other)
                    .isInstanceOf(TransferUrlRefusedException.class)
                    .hasMessageContaining("signature");
        }
    }

    @Test
    void anUploadUrlThatReplacesOneVersionReplacesNoOther() {
        WriteCondition e1 = new WriteCondition.OnlyIfMatches("\"e1\"");
        Map<String, String> query = query(transferUrls.upload(new UploadTerms(FILE, 10, e1)));
        long expires = Long.parseLong(query.get("expires"));

        assertThatThrownBy(() -> transferUrls.verifyUpload(
                        new UploadTerms(FILE, 10, new WriteCondition.OnlyIfMatches("\"e2\"")),
                        expires,
                        query.get("signature")))
                .isInstanceOf(TransferUrlRefusedException.class);
        assertThat(transferUrls.verifyUpload(new UploadTerms(FILE, 10, e1), expires, query.get("signature")))
                .isEqualTo(new UploadTerms(FILE, 10, e1));
    }

    @Test
    void aDownloadUrlIsAGetOfOneVersion() {
        TransferUrl issued = transferUrls.download(VERSION, ALICE);

        assertThat(issued.method()).isEqualTo("GET");
        assertThat(issued.headers()).isEmpty();
        Map<String, String> query = query(issued);
        assertThat(query).containsEntry("version", "e1").doesNotContainKey("grantee");
        assertThat(verifyDownload(query)).isEqualTo(new DownloadTerms(FILE, "\"e1\"", Optional.empty()));
    }

    @Test
    void aDownloadUrlIssuedToAGranteeNamesThem() {
        Map<String, String> query = query(transferUrls.download(VERSION, BOB));

        assertThat(query).containsEntry("grantee", "bob");
        assertThat(verifyDownload(query)).isEqualTo(new DownloadTerms(FILE, "\"e1\"", Optional.of(BOB)));
    }

    @Test
    void aDownloadUrlsVersionAndGranteeCannotBeChanged() {
        Map<String, String> query = query(transferUrls.download(VERSION, BOB));
        long expires = Long.parseLong(query.get("expires"));
        String signature = query.get("signature");

        // Without the grantee the URL would skip the grant check; another version would read other content.
        assertThatThrownBy(() -> transferUrls.verifyDownload(FILE, "e1", null, expires, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
        assertThatThrownBy(() -> transferUrls.verifyDownload(FILE, "e1", new Username("carol"), expires, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
        assertThatThrownBy(() -> transferUrls.verifyDownload(FILE, "e2", BOB, expires, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
        assertThatCode(() -> transferUrls.verifyDownload(FILE, "e1", BOB, expires, signature))
                .doesNotThrowAnyException();
    }

    @Test
    void isValidUntilTheSecondBeforeItsExpiryAndRefusedFromThen() {
        Map<String, String> query = query(transferUrls.download(VERSION, ALICE));

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThatCode(() -> verifyDownload(query)).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> verifyDownload(query))
                .isInstanceOf(TransferUrlRefusedException.class)
                .hasMessageContaining("expired");
        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> verifyDownload(query))
                .isInstanceOf(TransferUrlRefusedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesAnyOtherMethodFileOrExpiry() {
        Map<String, String> query = query(transferUrls.upload(UPLOAD));
        long expires = Long.parseLong(query.get("expires"));
        String signature = query.get("signature");

        // An upload URL's signature does not make a download URL, even for the same file.
        assertThatThrownBy(() -> transferUrls.verifyDownload(FILE, "e1", null, expires, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
        assertThatThrownBy(() -> transferUrls.verifyUpload(
                        new UploadTerms(
                                new FileKey(new Username("mallory"), FILE.fileName()), 1234, WriteCondition.ALWAYS),
                        expires,
                        signature))
                .isInstanceOf(TransferUrlRefusedException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> transferUrls.verifyUpload(
                        new UploadTerms(new FileKey(ALICE, new FileName("other.pdf")), 1234, WriteCondition.ALWAYS),
                        expires,
                        signature))
                .isInstanceOf(TransferUrlRefusedException.class);
        // A later expiry cannot be bought by editing the URL, nor an earlier one (the signature covers it).
        assertThatThrownBy(() -> transferUrls.verifyUpload(UPLOAD, expires + 3600, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
        assertThatThrownBy(() -> transferUrls.verifyUpload(UPLOAD, expires - 3600, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
    }

    @Test
    void refusesAlteredMissingOrMalformedSignatures() {
        Map<String, String> query = query(transferUrls.upload(UPLOAD));
        long expires = Long.parseLong(query.get("expires"));
        String signature = query.get("signature");
        char last = signature.charAt(signature.length() - 1);
        String altered = signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : new String[] {altered, "", null, "not base64!", signature + "AAAA", signature.substring(1)}) {
            assertThatThrownBy(() -> transferUrls.verifyUpload(UPLOAD, expires, bad))
                    .as("signature %s", bad)
                    .isInstanceOf(TransferUrlRefusedException.class);
        }
    }

    @Test
    void anotherKeysSignatureIsRefused() {
        SignedTransferUrls other = new SignedTransferUrls(key((byte) 8), LIFETIME, clock);
        Map<String, String> query = query(other.upload(UPLOAD));

        assertThatThrownBy(() -> verifyUpload(query, WriteCondition.ALWAYS))
                .isInstanceOf(TransferUrlRefusedException.class);
    }

    @Test
    void needsAKeyOfAtLeast256Bits() {
        assertThatThrownBy(() -> new SignedTransferUrls(new byte[31], LIFETIME, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private UploadTerms verifyUpload(Map<String, String> query, WriteCondition condition) {
        FileKey file = new FileKey(new Username(query.get("owner")), new FileName(query.get("file_name")));
        return transferUrls.verifyUpload(
                new UploadTerms(file, Long.parseLong(query.get("size")), condition),
                Long.parseLong(query.get("expires")),
                query.get("signature"));
    }

    private DownloadTerms verifyDownload(Map<String, String> query) {
        FileKey file = new FileKey(new Username(query.get("owner")), new FileName(query.get("file_name")));
        Username grantee = query.containsKey("grantee") ? new Username(query.get("grantee")) : null;
        return transferUrls.verifyDownload(
                file, query.get("version"), grantee, Long.parseLong(query.get("expires")), query.get("signature"));
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
