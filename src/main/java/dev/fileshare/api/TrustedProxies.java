package dev.fileshare.api;

import dev.fileshare.core.model.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who a request comes from: the TCP peer, unless the peer is a proxy this service trusts
 * ({@code fileshare.http.trusted-proxies}); then the right-most {@code X-Forwarded-For} hop that is not a trusted
 * proxy. Hops are walked from the right because each proxy appends the address it saw: what is left of the first
 * untrusted hop was written by the client and may be anything.
 *
 * <p>A malformed hop ends the walk at the trusted proxy that passed it on, which is then taken as the client; so is
 * the left-most hop when every hop is trusted. Empty list elements are skipped, as RFC 9110 §5.6.1 allows.
 */
public final class TrustedProxies {
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    /** More hops than any real chain of proxies; the walk stops there, at a trusted one. */
    static final int MAX_HOPS = 20;

    private final List<Cidr> proxies;

    public TrustedProxies(List<Cidr> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    /** The client of {@code request}, from its peer address and {@code X-Forwarded-For} fields. */
    public ClientAddress clientOf(HttpServletRequest request) {
        List<String> forwardedFor = proxies.isEmpty() ? List.of() : Collections.list(request.getHeaders(FORWARDED_FOR));
        return clientOf(request.getRemoteAddr(), forwardedFor);
    }

    /**
     * The client of a request from {@code peer} (the TCP peer's address) carrying the {@code X-Forwarded-For} field
     * values {@code forwardedFor}, in the order received.
     */
    ClientAddress clientOf(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = IpLiterals.parse(peer);
        if (peerAddress.isEmpty()) {
            return ClientAddress.UNKNOWN;
        }
        InetAddress client = peerAddress.get();
        int hops = 0;
        for (int field = forwardedFor.size() - 1; field >= 0 && isTrusted(client); field--) {
            String value = forwardedFor.get(field);
            int end = value.length();
            while (end >= 0 && isTrusted(client)) {
                if (++hops > MAX_HOPS) {
                    return ClientAddress.of(client);
                }
                int comma = value.lastIndexOf(',', end - 1);
                String hop = value.substring(comma + 1, end).trim();
                end = comma;
                if (hop.isEmpty()) {
                    continue;
                }
                Optional<InetAddress> next = hopAddress(hop);
                if (next.isEmpty()) {
                    return ClientAddress.of(client);
                }
                client = next.get();
            }
        }
        return ClientAddress.of(client);
    }

    boolean isTrusted(InetAddress address) {
        for (Cidr proxy : proxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One hop: an IP literal, optionally with a port as some proxies write it ({@code 192.0.2.1:4711},
     * {@code [2001:db8::1]:4711}) or an IPv6 address in brackets alone.
     */
    static Optional<InetAddress> hopAddress(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            if (close < 0 || !isPortSuffix(hop.substring(close + 1))) {
                return Optional.empty();
            }
            return IpLiterals.parse(hop.substring(1, close));
        }
        int colon = hop.indexOf(':');
        if (colon >= 0 && colon == hop.lastIndexOf(':')) {
            // One colon: IPv4 with a port (IPv6 has at least two).
            return isPortSuffix(hop.substring(colon)) ? IpLiterals.parse(hop.substring(0, colon)) : Optional.empty();
        }
        return IpLiterals.parse(hop);
    }

    /** Nothing, or {@code :} and a port number. */
    private static boolean isPortSuffix(String text) {
        return text.isEmpty() || (text.matches(":\\d{1,5}") && Integer.parseInt(text.substring(1)) <= 65535);
    }
}
