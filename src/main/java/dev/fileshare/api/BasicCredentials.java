package dev.fileshare.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The password of an {@code Authorization: Basic} header (RFC 7617), whatever its user name. */
final class BasicCredentials {
    private static final String BASIC = "basic ";

    private BasicCredentials() {}

    /**
     * The password {@code authorization} carries: the part of its decoded {@code user-id:password} after the first
     * colon, as UTF-8. Empty when there is no Basic header or it is malformed (not Base64, not UTF-8, no colon).
     */
    static Optional<String> password(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder()
                    .decode(authorization.substring(BASIC.length()).trim());
            String pair = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(pair.substring(colon + 1));
        } catch (IllegalArgumentException | CharacterCodingException malformed) {
            return Optional.empty();
        }
    }
}
