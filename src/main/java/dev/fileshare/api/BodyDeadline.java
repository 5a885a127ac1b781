package dev.fileshare.api;

import java.time.Duration;

/**
 * How long a request body may take, in the spirit of Apache's mod_reqtimeout: it must start within
 * {@code startTimeout}, and then keep up {@code minBytesPerSecond}; each byte received buys {@code 1/minBytesPerSecond}
 * of a second more. Liberty's read timeout (server.xml {@code httpOptions readTimeout}) is set to the same start
 * timeout, so a read that hears nothing ends by itself; {@link PacedBody} checks the rate after every read.
 *
 * @param startTimeout      how long the body may be silent at its start (and at most between two reads)
 * @param minBytesPerSecond the slowest rate a body may arrive at, averaged from the start of the request
 */
public record BodyDeadline(Duration startTimeout, long minBytesPerSecond) {
    public BodyDeadline {
        if (startTimeout.isNegative() || startTimeout.isZero() || minBytesPerSecond < 1) {
            throw new IllegalArgumentException("a body deadline needs a positive start timeout and rate");
        }
    }

    /**
     * Whether a body that has delivered {@code bytes} after {@code elapsedNanos} is behind its deadline: the start
     * timeout plus one second for every {@code minBytesPerSecond} bytes.
     */
    boolean isBehind(long bytes, long elapsedNanos) {
        double allowedSeconds = startTimeout.toNanos() / 1e9 + (double) bytes / minBytesPerSecond;
        return elapsedNanos / 1e9 > allowedSeconds;
    }

    /**
     * Whether a read that failed or ended after blocking for {@code blockedNanos} was ended by Liberty's read
     * timeout (the start timeout): one that heard nothing for about that long. A little slack allows for the
     * timer's granularity.
     */
    boolean endedBySilence(long blockedNanos) {
        return blockedNanos >= startTimeout.toNanos() * 9 / 10;
    }
}
