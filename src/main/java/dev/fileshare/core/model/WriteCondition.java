package dev.fileshare.core.model;

/** When a write may happen, checked atomically with the write itself by the store. */
public sealed interface WriteCondition {
    WriteCondition ALWAYS = new Always();
    WriteCondition ONLY_IF_ABSENT = new OnlyIfAbsent();

    record Always() implements WriteCondition {}

    /** {@code If-None-Match: *}: create only. */
    record OnlyIfAbsent() implements WriteCondition {}

    /** {@code If-Match: "etag"}: replace only that version. */
    record OnlyIfMatches(String etag) implements WriteCondition {}
}
