package dev.fileshare.core.model;

/** A write would pass the owner's byte or file quota (507): nothing was stored. */
public final class QuotaExceededException extends FileshareException {
    /** Which quota: {@code bytes} or {@code files}. */
    private final String quota;

    private final long limit;
    private final long used;

    private QuotaExceededException(String quota, long limit, long used, String message) {
        super(message);
        this.quota = quota;
        this.limit = limit;
        this.used = used;
    }

    /** {@code used} -1: not looked up (the write alone is larger than the quota). */
    static QuotaExceededException bytes(long limit, long used, long wouldUse) {
        String usage = used < 0
                ? "the file alone is " + wouldUse + " bytes"
                : used + " bytes are used, and this write would make " + wouldUse;
        return new QuotaExceededException(
                "bytes", limit, used, "The byte quota of " + limit + " bytes would be passed: " + usage + ".");
    }

    static QuotaExceededException files(long limit, long used) {
        return new QuotaExceededException(
                "files",
                limit,
                used,
                "The file quota of " + limit + " files would be passed: " + used + " files are stored; replace or "
                        + "delete one.");
    }

    public String quota() {
        return quota;
    }

    public long limit() {
        return limit;
    }

    /** The usage before the write; -1 when it was not looked up. */
    public long used() {
        return used;
    }
}
