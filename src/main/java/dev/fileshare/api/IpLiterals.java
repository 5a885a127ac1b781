package dev.fileshare.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads IP address literals, and nothing else: never a host name, so never a DNS look-up. IPv4 is a strict
 * dotted quad ({@code 10.0.0.1}; no leading zeros, no shorthand such as {@code 10.1}); IPv6 is any form RFC 4291
 * allows, without a zone ({@code %eth0}). An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) reads as the IPv4
 * address it maps.
 */
final class IpLiterals {
    /** The longest IPv6 text: eight groups of four plus seven colons, or six groups and a dotted quad (45). */
    private static final int MAX_LENGTH = 45;

    private IpLiterals() {}

    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text).map(IpLiterals::address);
    }

    private static Optional<InetAddress> parseIpv6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!(hexDigit || c == ':' || c == '.')) {
                return Optional.empty();
            }
        }
        try {
            // In brackets the JDK takes the text as an IPv6 literal or fails: it never resolves it as a name.
            return Optional.of(InetAddress.getByName("[" + text + "]"));
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are an IPv4 address", impossible);
        }
    }
}
