package dev.fileshare.core.model;

import java.time.Instant;

/**
 * What the service knows of one stored version of a file.
 *
 * @param etag a strong entity tag, quoted as HTTP sends it; it changes whenever the content is written
 */
public record FileVersion(FileKey key, long size, Instant modified, String etag) {}
