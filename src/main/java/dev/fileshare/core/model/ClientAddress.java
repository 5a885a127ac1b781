package dev.fileshare.core.model;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where a request came from, as far as the service can tell: an IP address in one canonical text (IPv6 written
 * out in full by {@link InetAddress#getHostAddress()}, so {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one client).
 */
public record ClientAddress(String value) {
    /** For a peer whose address could not be read: all such clients share one counter. */
    public static final ClientAddress UNKNOWN = new ClientAddress("unknown");

    public ClientAddress {
        Objects.requireNonNull(value, "value");
    }

    public static ClientAddress of(InetAddress address) {
        return new ClientAddress(address.getHostAddress());
    }

    @Override
    public String toString() {
        return value;
    }
}
