package dev.fileshare.core;

import java.io.InputStream;

/** An open file: the version being read and a stream of (part of) its bytes, which the caller closes. */
public record FileContent(FileEntry entry, InputStream stream) {
}
