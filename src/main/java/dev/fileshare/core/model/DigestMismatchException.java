package dev.fileshare.core.model;

/**
 * The content a client sent does not have the SHA-256 it announced with it ({@code Repr-Digest},
 * {@code Content-Digest}); nothing was stored. 400, or 460 for a resumable upload, as for a chunk's checksum.
 */
public final class DigestMismatchException extends FileshareException {
    private final Sha256Digest expected;
    private final Sha256Digest actual;

    public DigestMismatchException(Sha256Digest expected, Sha256Digest actual) {
        super("The content's SHA-256 is " + actual + ", not the " + expected
                + " its digest header announced; nothing was stored.");
        this.expected = expected;
        this.actual = actual;
    }

    public Sha256Digest expected() {
        return expected;
    }

    public Sha256Digest actual() {
        return actual;
    }
}
