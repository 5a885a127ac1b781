package dev.fileshare.core.model;

import java.util.Base64;

/**
 * Standard Base64 (RFC 4648 section 4) read strictly: the alphabet only, no line breaks, padding required,
 * and unused bits zero, so that every content has exactly one accepted encoding.
 */
public final class StrictBase64 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private StrictBase64() {}

    /** The number of bytes {@code encoded} decodes to, assuming it is valid. */
    public static long decodedLength(String encoded) {
        return (long) encoded.length() / 4 * 3 - padding(encoded);
    }

    public static byte[] decode(String field, String encoded) {
        String problem = problemWith(encoded);
        if (problem != null) {
            throw InvalidInputException.of(field, problem);
        }
        return Base64.getDecoder().decode(encoded);
    }

    /** The count of trailing '=' (at most two). */
    private static int padding(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(n - 1) != '=') {
            return 0;
        }
        return n >= 2 && s.charAt(n - 2) == '=' ? 2 : 1;
    }

    private static String problemWith(String s) {
        int n = s.length();
        if (n % 4 != 0) {
            return "must be standard Base64 with padding (length a multiple of 4)";
        }
        int padding = padding(s);
        for (int i = 0; i < n - padding; i++) {
            char c = s.charAt(i);
            boolean inAlphabet =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!inAlphabet) {
                return "must be standard Base64: invalid character at position " + i;
            }
        }
        if (padding > 0) {
            // The last data character carries 4 (two '=') or 2 (one '=') bits that must be zero.
            int last = ALPHABET.indexOf(s.charAt(n - padding - 1));
            int unusedBitsMask = padding == 2 ? 0x0F : 0x03;
            if ((last & unusedBitsMask) != 0) {
                return "must be canonical Base64: the unused bits before the padding must be zero";
            }
        }
        return null;
    }
}
