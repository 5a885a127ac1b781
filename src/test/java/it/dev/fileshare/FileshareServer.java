package it.dev.fileshare;

import java.net.URI;
import org.microshed.testing.ApplicationEnvironment;

/**
 * Where the server under test answers. MicroShed's manual mode resolves it from the system properties
 * failsafe passes ({@code microshed_manual_env}, {@code microshed_hostname}, {@code microshed_http_port}),
 * so the port follows {@code -Dit.http.port}.
 */
final class FileshareServer {
    private static final URI BASE = resolve();

    private FileshareServer() {
    }

    /** The application's root, ending in {@code /}. */
    static URI baseUri() {
        return BASE;
    }

    static URI uri(String pathAndQuery) {
        String relative = pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery;
        return BASE.resolve(relative);
    }

    private static URI resolve() {
        String url = ApplicationEnvironment.Resolver.load().getApplicationURL();
        URI uri = URI.create(url.endsWith("/") ? url : url + "/");
        if (!"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
            // These tests speak only to a server on this machine.
            throw new IllegalStateException("the end-to-end tests run against localhost only, not " + uri);
        }
        return uri;
    }
}
