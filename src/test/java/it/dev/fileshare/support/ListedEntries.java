package it.dev.fileshare.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * How {@code GET /files} lists an entry an upload answered. The caller's own files in aws mode carry no
 * {@code sha256} there (S3's listing holds no object metadata, where the digest is kept; docs/aws-store.md): the
 * one known difference between an upload's answer and the listing, and the only place the tests allow it.
 */
public final class ListedEntries {
    private ListedEntries() {}

    /** {@code uploaded} as the owner's own listing shows it on the server under test. */
    public static JsonObject ownFile(JsonObject uploaded) {
        if (!"aws".equals(FileshareServer.store())) {
            return uploaded;
        }
        return Json.createObjectBuilder(uploaded).remove("sha256").build();
    }
}
