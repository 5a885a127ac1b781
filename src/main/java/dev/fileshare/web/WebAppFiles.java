package dev.fileshare.web;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web app's files, read once from the war: only these paths are served, so no request path can name anything
 * else. A war built without the bundle serves none of them (the API answers 404 as for any unknown path).
 */
final class WebAppFiles {
    /** A file's content with its type and a strong entity tag (a digest of the content). */
    record WebAppFile(String contentType, byte[] bytes, String etag) {
        static WebAppFile of(String contentType, byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new WebAppFile(
                        contentType,
                        bytes,
                        '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"');
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    private static final Map<String, String> PATHS = Map.of(
            "/", "/index.html",
            "/index.html", "/index.html",
            "/assets/app.js", "/assets/app.js",
            "/assets/app.css", "/assets/app.css");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            ".html", "text/html; charset=utf-8",
            ".js", "text/javascript; charset=utf-8",
            ".css", "text/css; charset=utf-8");

    private final Map<String, WebAppFile> byPath = new HashMap<>();

    WebAppFiles(ServletContext context) {
        PATHS.forEach((path, resource) -> read(context, resource)
                .ifPresent(bytes -> byPath.put(path, WebAppFile.of(contentTypeOf(resource), bytes))));
    }

    Optional<WebAppFile> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static Optional<byte[]> read(ServletContext context, String resource) {
        try (InputStream in = context.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web app's " + resource, e);
        }
    }

    private static String contentTypeOf(String resource) {
        return CONTENT_TYPES.get(resource.substring(resource.lastIndexOf('.')));
    }
}
