package dev.fileshare.api;

import dev.fileshare.core.model.Username;

/** The optional {@code username} query parameter of reads: the file's owner, the caller when absent. */
final class OwnerParameter {
    static final String NAME = "username";

    private OwnerParameter() {}

    static Username ownerOrCaller(String owner, Username caller) {
        return owner == null || owner.isEmpty() ? caller : Username.parse(NAME, owner);
    }
}
