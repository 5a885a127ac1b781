package dev.fileshare.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 8941 Dictionary (Structured Field Values for HTTP, section 4.2.2), as the digest fields of RFC 9530 use
 * it: {@code sha-256=:<Base64>:, sha-512=:<Base64>:} or {@code sha-256=10, sha=0}. Every member is parsed, so that
 * an unknown algorithm's value is skipped only when it is well formed; parameters are read and dropped. A member
 * named twice keeps its last value, as the RFC says.
 *
 * <p>Member values: {@code byte[]} (a byte sequence), {@link Long} (an integer), {@link BigDecimal}, {@link String}
 * (a string), {@link Token}, {@link Boolean} (including a bare key: true), or a {@link List} of those (an inner list).
 */
final class StructuredDictionary {
    /** A token, as distinct from a string. */
    record Token(String value) {}

    private final String input;
    private int at;

    private StructuredDictionary(String input) {
        this.input = input;
    }

    /**
     * The members of {@code field} in order; empty for an empty field.
     *
     * @throws IllegalArgumentException when it is not a Dictionary, saying where
     */
    static Map<String, Object> parse(String field) {
        return new StructuredDictionary(field).dictionary();
    }

    private Map<String, Object> dictionary() {
        Map<String, Object> members = new LinkedHashMap<>();
        skipSpaces();
        if (at == input.length()) {
            return members;
        }
        while (true) {
            String key = key();
            Object value;
            if (peek() == '=') {
                at++;
                value = peek() == '(' ? innerList() : bareItem();
            } else {
                value = Boolean.TRUE;
            }
            parameters();
            members.remove(key); // a later value of a key replaces the earlier, in the later one's place
            members.put(key, value);
            skipOptionalWhitespace();
            if (at == input.length()) {
                return members;
            }
            expect(',');
            skipOptionalWhitespace();
            if (at == input.length()) {
                throw error("a member after the comma");
            }
        }
    }

    private List<Object> innerList() {
        expect('(');
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (peek() == ')') {
                at++;
                parameters();
                return items;
            }
            items.add(bareItem());
            parameters();
            char next = peek();
            if (next != ' ' && next != ')') {
                throw error("a space or ')' in the inner list");
            }
        }
    }

    private void parameters() {
        while (peek() == ';') {
            at++;
            skipSpaces();
            key();
            if (peek() == '=') {
                at++;
                bareItem();
            }
        }
    }

    private Object bareItem() {
        char c = peek();
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return byteSequence();
        }
        if (c == '?') {
            return bool();
        }
        if (isAlpha(c) || c == '*') {
            return token();
        }
        throw error("a value");
    }

    private Object number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = 0;
        int fraction = -1;
        while (at < input.length() && (isDigit(input.charAt(at)) || input.charAt(at) == '.')) {
            if (input.charAt(at) == '.') {
                if (fraction >= 0 || digits > 12) {
                    throw error("a number");
                }
                fraction = 0;
            } else if (fraction >= 0) {
                fraction++;
            } else {
                digits++;
            }
            at++;
        }
        if (digits == 0 || digits > 15 || fraction == 0 || fraction > 3) {
            throw error("a number of at most 15 digits (a decimal: 12 and 3)");
        }
        String text = input.substring(start, at);
        return fraction < 0 ? (Object) Long.parseLong(text) : new BigDecimal(text);
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (at < input.length()) {
            char c = input.charAt(at++);
            if (c == '\\') {
                if (at == input.length() || (input.charAt(at) != '"' && input.charAt(at) != '\\')) {
                    throw error("an escaped '\"' or '\\\\'");
                }
                value.append(input.charAt(at++));
            } else if (c == '"') {
                return value.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw error("a visible ASCII character in the string");
            } else {
                value.append(c);
            }
        }
        throw error("the string's closing '\"'");
    }

    private Token token() {
        int start = at;
        at++;
        while (at < input.length() && isTokenChar(input.charAt(at))) {
            at++;
        }
        return new Token(input.substring(start, at));
    }

    private byte[] byteSequence() {
        expect(':');
        int end = input.indexOf(':', at);
        if (end < 0) {
            throw error("the byte sequence's closing ':'");
        }
        String base64 = input.substring(at, end);
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
                throw error("Base64 in the byte sequence");
            }
        }
        at = end + 1;
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw error("Base64 in the byte sequence");
        }
    }

    private Boolean bool() {
        expect('?');
        char c = peek();
        if (c != '0' && c != '1') {
            throw error("?0 or ?1");
        }
        at++;
        return c == '1';
    }

    private String key() {
        char first = peek();
        if (!((first >= 'a' && first <= 'z') || first == '*')) {
            throw error("a key (lower case)");
        }
        int start = at;
        while (at < input.length()) {
            char c = input.charAt(at);
            if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*')) {
                break;
            }
            at++;
        }
        return input.substring(start, at);
    }

    private static boolean isTokenChar(char c) {
        return isAlpha(c) || isDigit(c) || ":/!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return at < input.length() ? input.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    private void skipSpaces() {
        while (peek() == ' ') {
            at++;
        }
    }

    private void skipOptionalWhitespace() {
        while (peek() == ' ' || peek() == '\t') {
            at++;
        }
    }

    private IllegalArgumentException error(String wanted) {
        return new IllegalArgumentException("expected " + wanted + " at position " + at);
    }
}
