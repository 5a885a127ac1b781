package dev.fileshare.core.model;

import java.util.List;
import java.util.Optional;

/** One page of a user's listing, and where the next one starts when there is more. */
public record FilePage(List<FileVersion> entries, Optional<ListCursor> next) {
    public FilePage {
        entries = List.copyOf(entries);
    }
}
