package dev.fileshare.core;

import dev.fileshare.core.model.DownloadTerms;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.TransferUrlRefusedException;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
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
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Transfer URLs to this service itself ({@code /transfer?...}), valid until the expiry inside their HMAC-SHA256
 * signature. The signature covers everything the URL was issued for: an upload's file, size and condition; a
 * download's file, version and grantee. Anyone holding one may do exactly that until then, and nothing else;
 * whether the version and the grant still exist is checked when the URL is used ({@link FileService#openIssued}).
 */
public final class SignedTransferUrls implements TransferUrls {
    public static final String PATH = "/transfer";
    private static final String ALGORITHM = "HmacSHA256";
    /** What every upload sends, as an S3 presigned upload must: the bytes are stored and served as bytes. */
    private static final Map<String, String> UPLOAD_HEADERS = Map.of("content-type", "application/octet-stream");

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
    public TransferUrl upload(UploadTerms terms) {
        long expires = expiry();
        StringBuilder query = fileQuery(terms.key()).append("&size=").append(terms.size());
        if (terms.condition() instanceof WriteCondition.OnlyIfAbsent) {
            query.append("&if_none_match=*");
        } else if (terms.condition() instanceof WriteCondition.OnlyIfMatches matches) {
            query.append("&if_match=").append(encode(matches.etag()));
        }
        return transferUrl("PUT", query, expires, uploadMessage(terms, expires), UPLOAD_HEADERS);
    }

    @Override
    public TransferUrl download(FileVersion version, Username reader) {
        DownloadTerms terms = DownloadTerms.of(version, reader);
        long expires = expiry();
        StringBuilder query = fileQuery(terms.key()).append("&version=").append(encode(unquoted(terms.etag())));
        terms.grantee().ifPresent(grantee -> query.append("&grantee=").append(encode(grantee.value())));
        return transferUrl("GET", query, expires, downloadMessage(terms, expires), Map.of());
    }

    /**
     * @return {@code claimed}, once its signature is known to be this service's and unexpired
     * @throws TransferUrlRefusedException otherwise
     */
    public UploadTerms verifyUpload(UploadTerms claimed, long expiresEpochSecond, String signature) {
        verify(uploadMessage(claimed, expiresEpochSecond), expiresEpochSecond, signature);
        return claimed;
    }

    /**
     * @param version the {@code version} query parameter: the entity tag without its quotes
     * @return the terms the URL was issued with, once its signature is known to be this service's and unexpired
     * @throws TransferUrlRefusedException otherwise
     */
    public DownloadTerms verifyDownload(
            FileKey file, String version, Username grantee, long expiresEpochSecond, String signature) {
        DownloadTerms claimed = new DownloadTerms(file, "\"" + version + "\"", Optional.ofNullable(grantee));
        verify(downloadMessage(claimed, expiresEpochSecond), expiresEpochSecond, signature);
        return claimed;
    }

    private void verify(String message, long expiresEpochSecond, String signature) {
        // Compared as text, in constant time: only the one canonical encoding of the MAC is accepted.
        byte[] expected = base64url(sign(message)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = (signature == null ? "" : signature).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new TransferUrlRefusedException("The transfer URL's signature does not match.");
        }
        if (clock.instant().getEpochSecond() >= expiresEpochSecond) {
            throw new TransferUrlRefusedException("The transfer URL has expired.");
        }
    }

    // The signed messages are lines: no method, username, file name, number, entity tag or condition can
    // contain a newline (the API refuses any that would), so no two different terms sign the same text.

    private static String uploadMessage(UploadTerms terms, long expires) {
        return String.join(
                "\n",
                "PUT",
                terms.key().owner().value(),
                terms.key().fileName().value(),
                Long.toString(expires),
                Long.toString(terms.size()),
                conditionText(terms.condition()));
    }

    private static String downloadMessage(DownloadTerms terms, long expires) {
        return String.join(
                "\n",
                "GET",
                terms.key().owner().value(),
                terms.key().fileName().value(),
                Long.toString(expires),
                terms.etag(),
                terms.grantee().map(Username::value).orElse(""));
    }

    private static String conditionText(WriteCondition condition) {
        if (condition instanceof WriteCondition.OnlyIfAbsent) {
            return "if-none-match *";
        }
        if (condition instanceof WriteCondition.OnlyIfMatches matches) {
            return "if-match " + matches.etag();
        }
        return "always";
    }

    private long expiry() {
        return clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
    }

    private static StringBuilder fileQuery(FileKey file) {
        return new StringBuilder(PATH)
                .append("?owner=")
                .append(encode(file.owner().value()))
                .append("&file_name=")
                .append(encode(file.fileName().value()));
    }

    private TransferUrl transferUrl(
            String method, StringBuilder query, long expires, String message, Map<String, String> headers) {
        String signature = base64url(sign(message));
        query.append("&expires=").append(expires).append("&signature=").append(signature);
        return new TransferUrl(URI.create(query.toString()), method, Instant.ofEpochSecond(expires), headers);
    }

    private byte[] sign(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Our entity tags are quoted; in a URL the quotes are noise. */
    private static String unquoted(String etag) {
        return etag.startsWith("\"") && etag.endsWith("\"") && etag.length() >= 2
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }

    private static String base64url(byte[] mac) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
