package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Username;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public abstract class SessionStoreContract {
    protected abstract SessionStore store();

    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");

    @Test
    void findsASessionByItsTokenHash() {
        StoredSession session = new StoredSession("a".repeat(64), new Username("alice"), LATER);
        store().create(session);

        assertThat(store().find("a".repeat(64))).contains(session);
        assertThat(store().find("b".repeat(64))).isEmpty();
    }

    @Test
    void oneUserHoldsManySessionsAndLosesOnlyTheDeletedOne() {
        store().create(new StoredSession("1".repeat(64), new Username("bob"), LATER));
        store().create(new StoredSession("2".repeat(64), new Username("bob"), LATER));

        store().delete("1".repeat(64));

        assertThat(store().find("1".repeat(64))).isEmpty();
        assertThat(store().find("2".repeat(64))).isPresent();
    }

    @Test
    void deletingAnUnknownSessionIsNoError() {
        store().delete("f".repeat(64));

        assertThat(store().find("f".repeat(64))).isEmpty();
    }

    @Test
    void returnsExpiredSessionsForTheCallerToJudge() {
        Instant past = Instant.parse("2020-01-01T00:00:00Z");
        store().create(new StoredSession("e".repeat(64), new Username("carol"), past));

        assertThat(store().find("e".repeat(64))).map(StoredSession::expiresAt).contains(past);
    }
}
