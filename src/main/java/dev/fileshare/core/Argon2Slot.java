package dev.fileshare.core;

import dev.fileshare.core.model.Argon2Settings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * One Argon2id computation at a time, with its working memory (m KiB) allocated once and reused. Bouncy Castle's
 * generator allocates its blocks in {@code init}, which also takes the salt; {@code generateBytes} reuses and
 * clears them. So the generator is initialised once per slot and only its parameters (same cost, new salt) are
 * swapped before each hash. Hashes with other costs (older stored hashes) get a generator of their own.
 */
final class Argon2Slot {
    private static final VarHandle PARAMETERS = parametersField();

    private final Argon2Settings settings;
    private Argon2BytesGenerator generator;

    Argon2Slot(Argon2Settings settings) {
        this.settings = settings;
    }

    /** Not thread-safe: a slot is used by one thread at a time (see {@link HashingSlots}). */
    byte[] derive(byte[] password, byte[] salt, Argon2Settings cost, int length) {
        byte[] out = new byte[length];
        if (!cost.equals(settings)) {
            Argon2BytesGenerator once = new Argon2BytesGenerator();
            once.init(parameters(cost, salt));
            once.generateBytes(password, out);
            return out;
        }
        if (generator == null) {
            generator = new Argon2BytesGenerator();
            generator.init(parameters(settings, salt)); // allocates the blocks, the only time for this slot
        } else {
            PARAMETERS.set(generator, parameters(settings, salt));
        }
        generator.generateBytes(password, out);
        return out;
    }

    private static Argon2Parameters parameters(Argon2Settings cost, byte[] salt) {
        return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
    }

    private static VarHandle parametersField() {
        try {
            return MethodHandles.privateLookupIn(Argon2BytesGenerator.class, MethodHandles.lookup())
                    .findVarHandle(Argon2BytesGenerator.class, "parameters", Argon2Parameters.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Bouncy Castle's Argon2BytesGenerator has no parameters field", e);
        }
    }
}
