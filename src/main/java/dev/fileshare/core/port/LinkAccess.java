package dev.fileshare.core.port;

import java.time.Instant;

/**
 * One request to a public link, as its access log keeps it.
 *
 * @param address the client's network, truncated (IPv4 /24, IPv6 /48), never its full address
 * @param bytes the body bytes sent (0 for a HEAD or an error)
 */
public record LinkAccess(Instant at, String address, String userAgent, int status, long bytes) {}
