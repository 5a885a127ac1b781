package it.dev.fileshare.support;

import java.security.SecureRandom;

/** Usernames no other test (or earlier run: the IT data directory survives until mvn clean) has taken. */
public final class UniqueNames {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private UniqueNames() {}

    /** {@code prefix} plus a random suffix of 12 letters and digits. */
    public static String user(String prefix) {
        StringBuilder name = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            name.append(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        }
        return name.toString();
    }
}
