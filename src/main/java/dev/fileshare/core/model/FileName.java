package dev.fileshare.core.model;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A file's name inside its owner's space, in Unicode NFC: the composed and decomposed spellings of a name (é as
 * U+00E9, or e + U+0301) are one name. After normalisation: 1–255 bytes of well-formed UTF-8, no {@code /} or
 * {@code \}, not {@code .} or {@code ..}, so no name can reach outside the owner's space; and every character
 * shows: no control character (C0, DEL, C1), no format character (Unicode category Cf: bidirectional controls such
 * as U+202E, zero-width characters, U+FEFF, soft hyphen, tags), no line or paragraph separator (U+2028, U+2029).
 * A name shared into someone's list therefore cannot pass for another one ({@code invoice\u202Efdp.exe}).
 */
public record FileName(String value) {
    public static final int MAX_UTF8_BYTES = 255;

    public FileName {
        value = normalized(value);
        String problem = problemWithNormalized(value);
        if (problem != null) {
            throw InvalidInputException.of("file_name", problem);
        }
    }

    public static FileName parse(String field, String value) {
        String name = normalized(value);
        String problem = problemWithNormalized(name);
        if (problem != null) {
            throw InvalidInputException.of(field, problem);
        }
        return new FileName(name);
    }

    /** Why {@code value} is not a file name (in any spelling), or null when it is one. */
    static String problemWith(String value) {
        return problemWithNormalized(normalized(value));
    }

    /** {@code value} in NFC; null, ill-formed (which has no NFC) and already normalised values as they are. */
    private static String normalized(String value) {
        if (value == null || !wellFormed(value) || Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return value;
        }
        return Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    private static String problemWithNormalized(String name) {
        if (name == null) {
            return "is required";
        }
        if (!wellFormed(name)) {
            return "must be well-formed Unicode";
        }
        if (name.isEmpty()) {
            return "must not be empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "must not be '.' or '..'";
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            String refusal = refusal(c);
            if (refusal != null) {
                return refusal;
            }
            i += Character.charCount(c);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return "must be at most 255 bytes of UTF-8";
        }
        return null;
    }

    /** Why the character {@code c} may not be in a name, or null when it may. */
    private static String refusal(int c) {
        if (c == '/' || c == '\\') {
            return "must not contain '/' or '\\'";
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "must not contain control characters (" + codePoint(c) + ")";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                "must not contain line or paragraph separators (" + codePoint(c) + ")";
            case Character.FORMAT ->
                isBidiControl(c)
                        ? "must not contain bidirectional text controls (" + codePoint(c) + ")"
                        : "must not contain invisible format characters (" + codePoint(c) + ")";
            default -> null;
        };
    }

    /** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E, U+200F, U+061C. */
    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
