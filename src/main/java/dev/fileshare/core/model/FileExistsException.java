package dev.fileshare.core.model;

/** A file of that name exists where the request would put another one (a file restored from the trash). */
public final class FileExistsException extends FileshareException {
    public FileExistsException(FileKey key) {
        super("A file '" + key.fileName() + "' exists: rename or delete it first.");
    }
}
