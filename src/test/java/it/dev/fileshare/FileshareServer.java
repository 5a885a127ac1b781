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

    private FileshareServer() {}

    /** The application's root, ending in {@code /}. */
    static URI baseUri() {
        return BASE;
    }

    static URI uri(String pathAndQuery) {
        String relative = pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery;
        return BASE.resolve(relative);
    }

    /** Which store the server under test runs: {@code local} (the default) or {@code aws}, as the build says. */
    static String store() {
        return System.getProperty("fileshare.it.store", "local");
    }

    /**
     * Skips the calling test unless the server runs the local store: for checks of the service's own signed
     * transfer URLs, which the aws mode does not issue (its S3 presigned URLs go to S3Proxy, which checks no
     * signatures).
     */
    static void assumeLocalTransferUrls() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "local".equals(store()),
                "the server runs the " + store() + " store: its transfer URLs are S3 presigned URLs, and S3Proxy "
                        + "checks no signatures, so altered or expired URLs are only refused by the local mode's signer");
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
