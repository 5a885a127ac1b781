package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Argon2Settings;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2SlotTest {
    private static final Argon2Settings COST = new Argon2Settings(256, 2, 2);

    @Test
    void aReusedSlotDerivesWhatAFreshGeneratorDoesForEverySalt() {
        Argon2Slot slot = new Argon2Slot(COST);
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] password = new byte[random.nextInt(40)];
            byte[] salt = new byte[16];
            random.nextBytes(password);
            random.nextBytes(salt);

            assertThat(slot.derive(password, salt, COST, 32)).isEqualTo(fresh(password, salt, COST, 32));
        }
    }

    @Test
    void otherCostsAreDerivedAsTheyAskAndLeaveTheSlotIntact() {
        Argon2Slot slot = new Argon2Slot(COST);
        byte[] password = "kept across upgrades".getBytes();
        byte[] salt = "sixteen byte slt".getBytes();
        Argon2Settings older = new Argon2Settings(64, 1, 1);

        assertThat(slot.derive(password, salt, COST, 32)).isEqualTo(fresh(password, salt, COST, 32));
        assertThat(slot.derive(password, salt, older, 32)).isEqualTo(fresh(password, salt, older, 32));
        assertThat(slot.derive(password, salt, COST, 32)).isEqualTo(fresh(password, salt, COST, 32));
    }

    private static byte[] fresh(byte[] password, byte[] salt, Argon2Settings cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
