package dev.fileshare.core.port;

import dev.fileshare.core.model.Username;

/**
 * A number per user that changes whenever anything their listing shows changes: one of their own files, a file
 * shared with them, or a share to them. It changes in the same transaction as the change itself, so a listing read
 * after the number is at least as new as the number: a listing kept with the number it was read after is current
 * for as long as the number stays the same.
 */
public interface ListingVersions {
    /** The number of {@code user}'s listing as of now; the same number means nothing in it has changed. */
    long current(Username user);
}
