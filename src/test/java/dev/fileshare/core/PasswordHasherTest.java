package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Argon2Settings;
import dev.fileshare.core.model.Password;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** Cheap parameters: the rules under test do not depend on the cost. */
    private static final Argon2Settings CHEAP = new Argon2Settings(64, 1, 1);

    private final PasswordHasher hasher = new PasswordHasher(CHEAP, new SecureRandom());

    @Test
    void encodesArgon2idWithItsParametersAndSaltAsAPhcString() {
        String phc = hasher.hash(new Password("correct horse"));

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(phc).doesNotContain("correct horse");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String phc = hasher.hash(new Password("correct horse"));

        assertThat(hasher.verify(new Password("correct horse"), phc)).isTrue();
        assertThat(hasher.verify(new Password("correct horsf"), phc)).isFalse();
        assertThat(hasher.verify(new Password(""), phc)).isFalse();
    }

    @Test
    void saltsEachHash() {
        assertThat(hasher.hash(new Password("same password"))).isNotEqualTo(hasher.hash(new Password("same password")));
    }

    @Test
    void verifiesHashesMadeWithOtherParametersSoTheyCanChange() {
        String old = new PasswordHasher(new Argon2Settings(128, 2, 2), new SecureRandom())
                .hash(new Password("kept across upgrades"));

        assertThat(hasher.verify(new Password("kept across upgrades"), old)).isTrue();
    }

    @Test
    void verifiesAHashMadeByTheReferenceImplementation() {
        // From the reference argon2 CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -e
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        PasswordHasher any = new PasswordHasher(CHEAP, new SecureRandom());

        assertThat(any.verify(new Password("password"), reference)).isTrue();
        assertThat(any.verify(new Password("passwore"), reference)).isFalse();
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertThat(hasher.verify(new Password("whatever"), "not a hash")).isFalse();
        assertThat(hasher.verify(new Password("whatever"), "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA"))
                .isFalse();
        assertThat(hasher.verify(new Password("whatever"), "$argon2id$v=19$m=x,t=1,p=1$c2FsdHNhbHQ$aGFzaA"))
                .isFalse();
    }
}
