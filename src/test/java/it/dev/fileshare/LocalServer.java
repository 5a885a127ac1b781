package it.dev.fileshare;

import java.net.URI;

/** The server the build started for the end-to-end tests: failsafe passes its port as {@code it.http.port}. */
final class LocalServer {
    private LocalServer() {}

    /** Its root, without a trailing slash, as generated clients take their base path. */
    static String baseUrl() {
        return "http://localhost:" + Integer.parseInt(System.getProperty("it.http.port", "9181"));
    }

    static URI uri(String path) {
        return URI.create(baseUrl() + path);
    }
}
