package dev.fileshare.core.port;

import dev.fileshare.core.model.FileVersion;
import java.time.Instant;

/**
 * A deleted file in its owner's trash, with the version that was current when it was deleted.
 *
 * @param purgeAt when the store drops it (and its older versions) for good
 */
public record TrashedFile(FileVersion entry, Instant deleted, Instant purgeAt) {}
