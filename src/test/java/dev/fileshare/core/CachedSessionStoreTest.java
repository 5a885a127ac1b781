package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.SessionStoreContract;
import dev.fileshare.core.port.StoredSession;
import dev.fileshare.store.memory.MemorySessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CachedSessionStoreTest {
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");
    private static final Username ALICE = new Username("alice");
    private static final StoredSession SESSION = new StoredSession("a".repeat(64), ALICE, LATER);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    /** The store every instance shares (DynamoDB in aws mode), counting its reads. */
    private final CountingReads shared = new CountingReads(new MemorySessionStore());

    private final CachedSessionStore here = new CachedSessionStore(shared, FRESH_FOR, 100, clock);
    private final CachedSessionStore elsewhere = new CachedSessionStore(shared, FRESH_FOR, 100, clock);

    /** The cache keeps the port's contract. */
    @Nested
    class Contract extends SessionStoreContract {
        private final SessionStore store = new CachedSessionStore(new MemorySessionStore(), FRESH_FOR, 100, clock);

        @Override
        protected SessionStore store() {
            return store;
        }
    }

    @Test
    void aSessionReadIsUsedWithoutReadingAgainUntilItIsNoLongerFresh() {
        here.create(SESSION);

        assertThat(here.find(SESSION.tokenHash())).contains(SESSION);
        clock.advance(FRESH_FOR.minusMillis(1));
        assertThat(here.find(SESSION.tokenHash())).contains(SESSION);
        assertThat(shared.reads.get()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(here.find(SESSION.tokenHash())).contains(SESSION);
        assertThat(shared.reads.get()).isEqualTo(2);
    }

    @Test
    void aLoggedOutTokenStopsAtOnceOnThisInstanceAndWithinTheFreshnessOnAnother() {
        here.create(SESSION);
        here.find(SESSION.tokenHash());
        elsewhere.find(SESSION.tokenHash());
        clock.advance(Duration.ofSeconds(1));

        here.delete(SESSION.tokenHash());

        assertThat(here.find(SESSION.tokenHash())).isEmpty();
        assertThat(elsewhere.find(SESSION.tokenHash()))
                .as("remembered elsewhere")
                .contains(SESSION);
        clock.advance(FRESH_FOR.minusSeconds(1));
        assertThat(elsewhere.find(SESSION.tokenHash()))
                .as("%s after it was read", FRESH_FOR)
                .isEmpty();
    }

    @Test
    void endingEveryOtherSessionOfAUserForgetsThemAtOnceAndKeepsTheNamedOneAndOtherUsers() {
        StoredSession kept = new StoredSession("k".repeat(64), ALICE, LATER);
        StoredSession bobs = new StoredSession("b".repeat(64), new Username("bob"), LATER);
        for (StoredSession session : new StoredSession[] {SESSION, kept, bobs}) {
            here.create(session);
            here.find(session.tokenHash());
        }

        here.deleteAllOf(ALICE, Optional.of(kept.tokenHash()));

        assertThat(here.find(SESSION.tokenHash())).isEmpty();
        assertThat(here.find(kept.tokenHash())).contains(kept);
        assertThat(here.find(bobs.tokenHash())).contains(bobs);
        here.deleteAllOf(ALICE, Optional.empty());
        assertThat(here.find(kept.tokenHash())).isEmpty();
    }

    @Test
    void aReadThatRacedWithADeletionIsNotRemembered() {
        here.create(SESSION);
        // The read finds the session, then the deletion runs to its end, then the read returns.
        shared.duringNextRead = () -> here.delete(SESSION.tokenHash());

        assertThat(here.find(SESSION.tokenHash())).as("what the read found").contains(SESSION);

        assertThat(here.find(SESSION.tokenHash())).isEmpty();
    }

    @Test
    void anUnknownTokenIsNotRememberedAsUnknown() {
        assertThat(here.find(SESSION.tokenHash())).isEmpty();

        shared.create(SESSION); // logged in on another instance

        assertThat(here.find(SESSION.tokenHash())).contains(SESSION);
    }

    @Test
    void anExpiredSessionIsAnsweredWithItsExpiryForTheCallerToJudge() {
        StoredSession expiring =
                new StoredSession("e".repeat(64), ALICE, clock.instant().plusSeconds(1));
        here.create(expiring);
        here.find(expiring.tokenHash());
        clock.advance(Duration.ofSeconds(2));

        assertThat(here.find(expiring.tokenHash())).contains(expiring);
    }

    @Test
    void freshForZeroReadsTheStoreEveryTime() {
        CachedSessionStore uncached = new CachedSessionStore(shared, Duration.ZERO, 100, clock);
        uncached.create(SESSION);

        uncached.find(SESSION.tokenHash());
        uncached.find(SESSION.tokenHash());

        assertThat(shared.reads.get()).isEqualTo(2);
    }

    @Test
    void remembersAtMostTheGivenNumberOfSessions() {
        CachedSessionStore small = new CachedSessionStore(shared, FRESH_FOR, 2, clock);
        for (int i = 0; i < 10; i++) {
            StoredSession session = new StoredSession(String.format("%064d", i), ALICE, LATER);
            small.create(session);
            small.find(session.tokenHash());
        }
        int before = shared.reads.get();

        for (int i = 0; i < 10; i++) {
            small.find(String.format("%064d", i));
        }

        assertThat(shared.reads.get() - before).isGreaterThanOrEqualTo(8);
    }

    /** A session store that counts its reads, and can run something in the middle of the next one. */
    private static final class CountingReads implements SessionStore {
        private final SessionStore store;
        final AtomicInteger reads = new AtomicInteger();
        Runnable duringNextRead;

        CountingReads(SessionStore store) {
            this.store = store;
        }

        @Override
        public void create(StoredSession session) {
            store.create(session);
        }

        @Override
        public Optional<StoredSession> find(String tokenHash) {
            reads.incrementAndGet();
            Optional<StoredSession> found = store.find(tokenHash);
            Runnable during = duringNextRead;
            duringNextRead = null;
            if (during != null) {
                during.run();
            }
            return found;
        }

        @Override
        public void delete(String tokenHash) {
            store.delete(tokenHash);
        }

        @Override
        public void deleteAllOf(Username username, Optional<String> kept) {
            store.deleteAllOf(username, kept);
        }
    }
}
