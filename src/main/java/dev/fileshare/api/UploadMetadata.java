package dev.fileshare.api;

import dev.fileshare.core.model.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tus {@code Upload-Metadata} header: comma-separated pairs of a key and its Base64 value (the value may be
 * absent). The keys read here: {@code filename}, and the write condition as {@code if-none-match} ({@code *}:
 * create only) or {@code if-match} (the entity tag of the version it replaces). Other keys are ignored.
 */
record UploadMetadata(Map<String, String> pairs) {
    static final String HEADER = "Upload-Metadata";

    static UploadMetadata parse(String header) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return new UploadMetadata(pairs);
        }
        for (String pair : header.split(",", -1)) {
            String[] parts = pair.trim().split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty() || !parts[0].matches("[\\x21-\\x7E&&[^,]]+")) {
                throw invalid("holds a pair that is not a key and a Base64 value");
            }
            if (pairs.put(parts[0], parts.length == 2 ? decode(parts[1]) : "") != null) {
                throw invalid("names " + parts[0] + " twice");
            }
        }
        return new UploadMetadata(pairs);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(pairs.get(key));
    }

    private static String decode(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid("holds a value that is not Base64");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("holds a value that is not UTF-8");
        }
    }

    private static InvalidInputException invalid(String problem) {
        return InvalidInputException.of(HEADER, problem);
    }
}
