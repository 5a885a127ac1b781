package it.dev.fileshare;

import java.security.SecureRandom;

/** Usernames no other test (or earlier run: the IT data directory survives until mvn clean) has taken. */
final class UniqueNames {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private UniqueNames() {}

    /** {@code prefix} plus a random suffix of 12 letters and digits. */
    static String user(String prefix) {
        StringBuilder name = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            name.append(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        }
        return name.toString();
    }
}
