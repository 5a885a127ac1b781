package dev.fileshare.core;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), so the parameters can change later:
 * each stored hash is verified with the parameters it carries. Every hash runs in one of the {@link HashingSlots}:
 * their number bounds the hashes at once and the memory they hold.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Argon2Settings settings;
    private final SecureRandom random;
    private final HashingSlots slots;
    /** A hash of a password nobody knows, verified for unknown users so that their login costs the same. */
    private final String decoy;

    /** A hasher with one slot per processor; see {@link HashingSlots.Limits#forProcessors}. */
    public PasswordHasher(Argon2Settings settings, SecureRandom random) {
        this(
                settings,
                random,
                HashingSlots.Limits.forProcessors(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @throws dev.fileshare.core.model.HashingBusyException from {@link #hash}, {@link #verify} and {@link
     *     #verifyDecoy} when every slot is busy and the queue is full
     */
    public PasswordHasher(Argon2Settings settings, SecureRandom random, HashingSlots.Limits limits) {
        this.settings = settings;
        this.random = random;
        this.slots = new HashingSlots(settings, limits);
        byte[] secret = new byte[SALT_BYTES];
        random.nextBytes(secret);
        this.decoy = hash(new Password(B64.encodeToString(secret)));
    }

    public String hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, settings, HASH_BYTES);
        return "$argon2id$v=19$m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code phc}; a malformed hash never matches. */
    public boolean verify(Password password, String phc) {
        String[] parts = phc.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            Argon2Settings stored = parseSettings(parts[3]);
            byte[] salt = B64_DECODER.decode(parts[4]);
            byte[] expected = B64_DECODER.decode(parts[5]);
            byte[] actual = derive(password, salt, stored, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** How many hashes (and verifications) are waiting for a slot now. */
    public int queueLength() {
        return slots.queueLength();
    }

    /** Spends the time of one verification on a hash that matches nothing. */
    public void verifyDecoy(Password password) {
        verify(password, decoy);
    }

    private static Argon2Settings parseSettings(String text) {
        int m = -1;
        int t = -1;
        int p = -1;
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("malformed parameters");
            }
            int value = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> throw new IllegalArgumentException("unknown parameter");
            }
        }
        return new Argon2Settings(m, t, p);
    }

    private byte[] derive(Password password, byte[] salt, Argon2Settings cost, int length) {
        byte[] secret = password.value().getBytes(StandardCharsets.UTF_8);
        return slots.run(slot -> slot.derive(secret, salt, cost, length));
    }
}
