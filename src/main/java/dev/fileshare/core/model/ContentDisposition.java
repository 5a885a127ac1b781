package dev.fileshare.core.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with an ASCII fallback name and the exact name in {@code filename*}
 * (RFC 6266): what downloads answer, from this service or (as {@code response-content-disposition}) from S3.
 */
public final class ContentDisposition {
    private ContentDisposition() {}

    public static String attachment(String fileName) {
        StringBuilder fallback = new StringBuilder();
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        // RFC 5987 value: percent-encode everything outside attr-char; URLEncoder's '+' for space is not allowed there.
        String exact = URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + exact;
    }
}
