package dev.fileshare.core.port;

import java.time.Instant;

/**
 * The answer of {@link LoginAttemptStore#reserve}: whether the attempt was counted, how many attempts the window
 * holds now (with it, when granted), and when that window ends, which is also when a refused attempt may retry.
 */
public record Reservation(boolean granted, int attempts, Instant windowEnd) {}
