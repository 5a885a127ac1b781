package dev.fileshare.api;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams a request opened for its answer, closed when the request ends whichever way it ended: written out,
 * answered 304 or 412, failed while the answer was built, or never written at all (the runtime discards the entity
 * of a HEAD it serves with a GET method). Closing a stream twice is harmless, so a stream that was read to its end
 * and closed is closed again here to no effect.
 */
@RequestScoped
public class RequestStreams {
    private final List<Closeable> open = new ArrayList<>();

    /** Hands {@code stream} back, to be closed at the end of this request at the latest. */
    public <T extends Closeable> T closeAtEnd(T stream) {
        open.add(stream);
        return stream;
    }

    @PreDestroy
    void closeAll() {
        for (Closeable stream : open) {
            try {
                stream.close();
            } catch (IOException | RuntimeException e) {
                // the answer is over; there is no one left to tell
            }
        }
        open.clear();
    }
}
