package dev.fileshare.core.port;

import dev.fileshare.core.model.FileVersion;

/**
 * One version of a file a store keeps: the current one or an older one.
 *
 * @param version the store's name of the version, what {@link BlobStore#findVersion} takes
 */
public record StoredVersion(String version, FileVersion entry, boolean current) {}
