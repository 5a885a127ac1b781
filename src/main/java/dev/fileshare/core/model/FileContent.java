package dev.fileshare.core.model;

import java.io.InputStream;

/**
 * An open file: the version being read, the span of it in {@code stream}, and whether that span is a part
 * the client asked for (a range) rather than the whole. The caller closes the stream.
 */
public record FileContent(FileVersion entry, ByteRange range, boolean partial, InputStream stream) {}
