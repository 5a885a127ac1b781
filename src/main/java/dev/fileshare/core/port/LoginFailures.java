package dev.fileshare.core.port;

import java.time.Instant;

/** Failed logins for one username counted since {@code start}. */
public record LoginFailures(Instant start, int failures) {}
