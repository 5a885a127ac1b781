package dev.fileshare;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes with Bouncy Castle's Argon2id in a loop so that the JIT compiles its compression function: the child JVM
 * of {@link Argon2InliningTest}. A small memory cost keeps each hash short; the loop is bounded in count and time.
 * Exits with status 3 if any hash differs from {@code args[0]} (hex), the one its parent computed.
 */
public final class Argon2HashLoop {
    private static final int HASHES = 3_000;
    private static final long MAX_NANOS = 10_000_000_000L;

    private Argon2HashLoop() {}

    public static void main(String[] args) {
        byte[] expected = java.util.HexFormat.of().parseHex(args[0]);
        long start = System.nanoTime();
        for (int i = 0; i < HASHES && System.nanoTime() - start < MAX_NANOS; i++) {
            if (!java.util.Arrays.equals(hash(), expected)) {
                System.exit(3);
            }
        }
    }

    /** Argon2id of a fixed password and salt at m=64 KiB, t=1, p=1. */
    static byte[] hash() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(64)
                .withIterations(1)
                .withParallelism(1)
                .withSalt(new byte[16])
                .build());
        byte[] out = new byte[32];
        generator.generateBytes("correct horse battery staple".getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
        return out;
    }
}
