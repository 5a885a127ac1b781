package dev.fileshare.core;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.TransferUrlRefusedException;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Transfer URLs to this service itself ({@code /transfer?...}), valid until the expiry inside their HMAC-SHA256
 * signature: anyone holding one may do exactly that one method on that one file until then, and nothing else.
 */
public final class SignedTransferUrls implements TransferUrls {
    public static final String PATH = "/transfer";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    public SignedTransferUrls(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public TransferUrl upload(FileKey key) {
        return transferUrl("PUT", key);
    }

    @Override
    public TransferUrl download(FileVersion entry) {
        return transferUrl("GET", entry.key());
    }

    /** @throws TransferUrlRefusedException unless {@code signature} was issued for this method, file and expiry, and is still valid */
    public void verify(String method, FileKey file, long expiresEpochSecond, String signature) {
        byte[] expected = sign(method, file, expiresEpochSecond);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature == null ? "" : signature);
        } catch (IllegalArgumentException malformed) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new TransferUrlRefusedException("The transfer URL's signature does not match.");
        }
        if (clock.instant().getEpochSecond() >= expiresEpochSecond) {
            throw new TransferUrlRefusedException("The transfer URL has expired.");
        }
    }

    private TransferUrl transferUrl(String method, FileKey file) {
        Instant expires = clock.instant().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String signature =
                Base64.getUrlEncoder().withoutPadding().encodeToString(sign(method, file, expires.getEpochSecond()));
        URI url = URI.create(PATH + "?owner=" + encode(file.owner().value()) + "&file_name="
                + encode(file.fileName().value()) + "&expires=" + expires.getEpochSecond() + "&signature=" + signature);
        return new TransferUrl(url, method, expires);
    }

    private byte[] sign(String method, FileKey file, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Newline-separated: neither a method, a username nor a file name can contain one.
            String message = method + "\n" + file.owner().value() + "\n"
                    + file.fileName().value() + "\n" + expiresEpochSecond;
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
