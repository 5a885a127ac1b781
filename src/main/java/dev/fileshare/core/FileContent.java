package dev.fileshare.core;

import java.io.InputStream;

/**
 * An open file: the version being read, the span of it in {@code stream}, and whether that span is a part
 * the client asked for (a range) rather than the whole. The caller closes the stream.
 */
public record FileContent(FileEntry entry, ByteRange range, boolean partial, InputStream stream) {
}
