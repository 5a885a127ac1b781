package it.dev.fileshare;

import java.security.SecureRandom;

/** Usernames and client addresses no other test (or earlier run: the IT data directory survives until mvn clean) has taken. */
final class UniqueNames {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private UniqueNames() {}

    /**
     * A client address no other test uses (with a chance of about one in 16 million): a random one of the private
     * 10.0.0.0/8, for tests that need login throttling's per-address counters to themselves.
     */
    static String address() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** {@code prefix} plus a random suffix of 12 letters and digits. */
    static String user(String prefix) {
        StringBuilder name = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            name.append(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        }
        return name.toString();
    }
}
