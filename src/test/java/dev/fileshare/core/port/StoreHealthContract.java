package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every {@link StoreHealth} must do: the readiness check turns its answer into the service's readiness. */
public abstract class StoreHealthContract {
    protected abstract StoreHealth health();

    @Test
    void anOpenStoreNamesItsPartsAndEachAnswers() {
        assertThat(health().check()).isNotEmpty().doesNotContainValue(false);
    }
}
