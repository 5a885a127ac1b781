package dev.fileshare.store;

import java.time.Instant;

/** Failed logins for one username counted since {@code start}. */
public record FailureWindow(Instant start, int failures) {
}
