package dev.fileshare.store.aws;

import dev.fileshare.core.model.WriteCondition;
import java.util.function.Consumer;

/** Maps a write condition to S3's conditional-write headers: {@code If-None-Match: *} or {@code If-Match: etag}. */
final class S3Conditions {
    private S3Conditions() {}

    static void apply(WriteCondition condition, Consumer<String> ifNoneMatch, Consumer<String> ifMatch) {
        if (condition instanceof WriteCondition.OnlyIfAbsent) {
            ifNoneMatch.accept("*");
        } else if (condition instanceof WriteCondition.OnlyIfMatches matches) {
            ifMatch.accept(matches.etag());
        }
    }
}
