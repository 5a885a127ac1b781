package dev.fileshare.core.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a request came from, as far as the service can tell: an IP address in one canonical text (IPv6 written
 * out in full by {@link InetAddress#getHostAddress()}, so {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one client).
 */
public record ClientAddress(String value) {
    /** For a peer whose address could not be read: all such clients share one counter. */
    public static final ClientAddress UNKNOWN = new ClientAddress("unknown");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");

    public ClientAddress {
        Objects.requireNonNull(value, "value");
    }

    public static ClientAddress of(InetAddress address) {
        return new ClientAddress(address.getHostAddress());
    }

    /**
     * The network the address belongs to, as kept in a link's access log: IPv4 to its /24 ({@code 203.0.113.0/24}),
     * IPv6 to its /48 ({@code 2001:db8:1234::/48}), so the log tells networks apart without naming a person's
     * address. Anything that is not an IP address stays {@code unknown}.
     */
    public String truncated() {
        byte[] bytes = literalBytes();
        if (bytes == null) {
            return UNKNOWN.value;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        StringBuilder prefix = new StringBuilder();
        for (int group = 0; group < 3; group++) {
            int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
            prefix.append(Integer.toHexString(value)).append(':');
        }
        return prefix.append(":/48").toString();
    }

    /** The address's bytes (4 for IPv4, an IPv4-mapped IPv6 address included, else 16), or null. */
    private byte[] literalBytes() {
        // Only literals reach InetAddress, which then never asks DNS.
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return null;
        }
        try {
            // An IPv4-mapped IPv6 literal comes back as an Inet4Address, of 4 bytes.
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException | IllegalArgumentException | SecurityException malformed) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
