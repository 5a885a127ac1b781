package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.TransferUrlRefusedException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.TransferUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the local mode's signed URLs have beyond the transfer URL contract (SignedTransferUrlsContractTest): their
 * query, and a signature bound to one method, one file and one expiry that is refused after it or once altered.
 */
class SignedTransferUrlsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T11:23:25.750Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final FileKey FILE = new FileKey(new Username("alice"), new FileName("my report ü+&.pdf"));

    private final MutableClock clock = new MutableClock(NOW);
    private final SignedTransferUrls transferUrls = new SignedTransferUrls(key((byte) 7), LIFETIME, clock);

    @Test
    void anUploadUrlIsAPutToTransferThatExpiresAfterTheLifetime() {
        TransferUrl issued = transferUrls.upload(FILE);

        assertThat(issued.method()).isEqualTo("PUT");
        assertThat(issued.url().getPath()).isEqualTo(SignedTransferUrls.PATH);
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-24T11:38:25Z"));
        Map<String, String> query = query(issued);
        assertThat(query)
                .containsEntry("owner", "alice")
                .containsEntry("file_name", "my report ü+&.pdf")
                .containsEntry("expires", Long.toString(issued.expiresAt().getEpochSecond()));
        assertThatCode(() -> verify("PUT", query)).doesNotThrowAnyException();
    }

    @Test
    void isValidUntilTheSecondBeforeItsExpiryAndRefusedFromThen() {
        Map<String, String> query = query(transferUrls.download(new FileVersion(FILE, 5, NOW, "\"e\"")));

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThatCode(() -> verify("GET", query)).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> verify("GET", query))
                .isInstanceOf(TransferUrlRefusedException.class)
                .hasMessageContaining("expired");
        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> verify("GET", query))
                .isInstanceOf(TransferUrlRefusedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesAnyOtherMethodFileOrExpiry() {
        Map<String, String> query = query(transferUrls.upload(FILE));
        long expires = Long.parseLong(query.get("expires"));
        String signature = query.get("signature");

        assertThatThrownBy(() -> verify("GET", query)).isInstanceOf(TransferUrlRefusedException.class);
        assertThatThrownBy(() -> transferUrls.verify(
                        "PUT", new FileKey(new Username("mallory"), FILE.fileName()), expires, signature))
                .isInstanceOf(TransferUrlRefusedException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> transferUrls.verify(
                        "PUT", new FileKey(FILE.owner(), new FileName("other.pdf")), expires, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
        // A later expiry cannot be bought by editing the URL, nor an earlier one (the signature covers it).
        assertThatThrownBy(() -> transferUrls.verify("PUT", FILE, expires + 3600, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
        assertThatThrownBy(() -> transferUrls.verify("PUT", FILE, expires - 3600, signature))
                .isInstanceOf(TransferUrlRefusedException.class);
    }

    @Test
    void refusesAlteredMissingOrMalformedSignatures() {
        Map<String, String> query = query(transferUrls.upload(FILE));
        long expires = Long.parseLong(query.get("expires"));
        String signature = query.get("signature");
        char last = signature.charAt(signature.length() - 1);
        String altered = signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : new String[] {altered, "", null, "not base64!", signature + "AAAA", signature.substring(1)}) {
            assertThatThrownBy(() -> transferUrls.verify("PUT", FILE, expires, bad))
                    .as("signature %s", bad)
                    .isInstanceOf(TransferUrlRefusedException.class);
        }
    }

    @Test
    void anotherKeysSignatureIsRefused() {
        SignedTransferUrls other = new SignedTransferUrls(key((byte) 8), LIFETIME, clock);
        Map<String, String> query = query(other.upload(FILE));

        assertThatThrownBy(() -> verify("PUT", query)).isInstanceOf(TransferUrlRefusedException.class);
    }

    @Test
    void needsAKeyOfAtLeast256Bits() {
        assertThatThrownBy(() -> new SignedTransferUrls(new byte[31], LIFETIME, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void verify(String method, Map<String, String> query) {
        FileKey file = new FileKey(new Username(query.get("owner")), new FileName(query.get("file_name")));
        transferUrls.verify(method, file, Long.parseLong(query.get("expires")), query.get("signature"));
    }

    private static Map<String, String> query(TransferUrl issued) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : issued.url().getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
