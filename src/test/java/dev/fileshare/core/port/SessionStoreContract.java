package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Username;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    void deletingAllOfAUsersSessionsLeavesOtherUsersSessions() {
        store().create(new StoredSession("1".repeat(64), new Username("bob"), LATER));
        store().create(new StoredSession("2".repeat(64), new Username("bob"), LATER));
        store().create(new StoredSession("3".repeat(64), new Username("carol"), LATER));

        store().deleteAllOf(new Username("bob"), Optional.empty());

        assertThat(store().find("1".repeat(64))).isEmpty();
        assertThat(store().find("2".repeat(64))).isEmpty();
        assertThat(store().find("3".repeat(64))).isPresent();
        store().deleteAllOf(new Username("nobody"), Optional.empty());
    }

    @Test
    void deletingAllOfAUsersSessionsButOneKeepsThatOne() {
        for (String hash : List.of("4", "5", "6")) {
            store().create(new StoredSession(hash.repeat(64), new Username("bob"), LATER));
        }
        store().create(new StoredSession("7".repeat(64), new Username("carol"), LATER));

        // A session of another user is not kept by naming it.
        store().deleteAllOf(new Username("bob"), Optional.of("5".repeat(64)));

        assertThat(store().find("4".repeat(64))).isEmpty();
        assertThat(store().find("5".repeat(64))).isPresent();
        assertThat(store().find("6".repeat(64))).isEmpty();
        assertThat(store().find("7".repeat(64))).isPresent();
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
