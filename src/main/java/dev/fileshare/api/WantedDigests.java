package dev.fileshare.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.function.Function;

/**
 * What a download asked for with RFC 9530's {@code Want-Repr-Digest} and {@code Want-Content-Digest}
 * ({@code sha-256=1} up to 10: wanted; 0: not). Only sha-256 is offered. A preference the service cannot read is
 * ignored, as a preference may be.
 *
 * @param repr whether {@code sha-256} is wanted in {@code Repr-Digest}
 * @param content whether {@code sha-256} is wanted in {@code Content-Digest}
 */
record WantedDigests(boolean repr, boolean content) {
    static final WantedDigests NONE = new WantedDigests(false, false);

    static WantedDigests of(HttpHeaders headers) {
        return of(headers::getHeaderString);
    }

    /** {@code header}: a request header's value by name, several fields of one name joined by commas, or null. */
    static WantedDigests of(Function<String, String> header) {
        return new WantedDigests(
                wantsSha256(header.apply(DigestFields.WANT_REPR_DIGEST)),
                wantsSha256(header.apply(DigestFields.WANT_CONTENT_DIGEST)));
    }

    private static boolean wantsSha256(String field) {
        if (field == null) {
            return false;
        }
        try {
            Map<String, Object> preferences = StructuredDictionary.parse(field);
            return preferences.get(DigestFields.SHA_256) instanceof Long weight && weight > 0 && weight <= 10;
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
