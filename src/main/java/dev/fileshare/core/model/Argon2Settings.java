package dev.fileshare.core.model;

/** Argon2id cost parameters; the defaults are the OWASP minimum. */
public record Argon2Settings(int memoryKib, int iterations, int parallelism) {
    public static final Argon2Settings OWASP_MINIMUM = new Argon2Settings(19 * 1024, 2, 1);

    public Argon2Settings {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException(
                    "Argon2 needs iterations >= 1, parallelism >= 1, memory >= 8 KiB per lane");
        }
    }
}
