package dev.fileshare.core.port;

/** A store could not do its job (disk, database, network): a server fault, never the client's. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
