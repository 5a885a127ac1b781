package dev.fileshare.core.model;

/** A resumable upload's state refuses the request: a chunk at the wrong offset, or too many open uploads (409). */
public final class UploadConflictException extends FileshareException {
    public UploadConflictException(String message) {
        super(message);
    }
}
