package dev.fileshare.api;

import dev.fileshare.core.model.Username;

/** The optional {@code username} query parameter of reads: the file's owner, the caller when absent. */
final class OwnerParameter {
    static final String NAME = "username";
    static final String DESCRIPTION = "The owner, when the file was shared with the caller; defaults to the caller.";

    private OwnerParameter() {}

    static Username ownerOrCaller(String owner, Username caller) {
        return owner == null || owner.isEmpty() ? caller : Username.parse(NAME, owner);
    }
}
