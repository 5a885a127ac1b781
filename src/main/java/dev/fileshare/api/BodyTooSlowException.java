package dev.fileshare.api;

import java.io.IOException;

/**
 * A request body cut off by its {@link BodyDeadline}. An {@link IOException}, so that whatever reads the body (a
 * store writing an upload, the JSON parser) fails as it would on a broken connection and keeps nothing; the answer
 * is then a 408 ({@link BodyDeadlineFilter}).
 */
final class BodyTooSlowException extends IOException {
    BodyTooSlowException(BodyDeadline deadline) {
        super(message(deadline));
    }

    static String message(BodyDeadline deadline) {
        return "The request body came too slowly: it must start within "
                + deadline.startTimeout().toSeconds() + " s and then arrive at " + deadline.minBytesPerSecond()
                + " bytes a second or more; nothing was stored.";
    }
}
