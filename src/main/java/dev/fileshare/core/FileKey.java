package dev.fileshare.core;

import java.util.Comparator;

/** Identifies a file as the original did: {@code "<owner>/<file_name>"}, the S3 key. */
public record FileKey(Username owner, FileName fileName) {
    /** Keys in the order of their UTF-8 bytes (code point order), as S3 and SQLite list them. */
    public static final Comparator<FileKey> ORDER = Comparator.comparing(FileKey::value, FileKey::compareCodePoints);

    public FileKey {
        if (owner == null || fileName == null) {
            throw new IllegalArgumentException("owner and file name are required");
        }
    }

    public String value() {
        return owner.value() + "/" + fileName.value();
    }

    @Override
    public String toString() {
        return value();
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
