package dev.fileshare.core.model;

public final class RangeNotSatisfiableException extends FileshareException {
    private final long size;

    public RangeNotSatisfiableException(long size) {
        super("The requested range lies outside the file's " + size + " bytes.");
        this.size = size;
    }

    public long size() {
        return size;
    }
}
