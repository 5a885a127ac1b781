package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Argon2 needs at least 8 KiB of memory per lane, one pass and one lane. */
class Argon2SettingsTest {

    @Test
    void takesEightKibPerLaneAtLeast() {
        assertThat(new Argon2Settings(16, 1, 2).memoryKib()).isEqualTo(16);
        assertThatThrownBy(() -> new Argon2Settings(15, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Settings(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesOnePassAndOneLaneAtLeast() {
        assertThatThrownBy(() -> new Argon2Settings(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Settings(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
