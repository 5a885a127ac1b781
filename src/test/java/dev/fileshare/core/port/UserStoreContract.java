package dev.fileshare.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} adapter must do; each adapter's test extends this. */
public abstract class UserStoreContract {
    protected abstract UserStore store();

    private static UserAccount account(String name, String hash) {
        return new UserAccount(new Username(name), hash, Instant.parse("2026-11-24T11:23:25Z"));
    }

    @Test
    void replacesAPasswordHashOnlyFromTheExpectedOne() {
        store().createIfAbsent(account("alice", "$argon2id$hash-a"));
        store().createIfAbsent(account("bob", "$argon2id$hash-a"));

        assertThat(store().replacePasswordHash(new Username("alice"), "$argon2id$other", "$argon2id$hash-b"))
                .isFalse();
        assertThat(store().find(new Username("alice"))).contains(account("alice", "$argon2id$hash-a"));

        assertThat(store().replacePasswordHash(new Username("alice"), "$argon2id$hash-a", "$argon2id$hash-b"))
                .isTrue();
        assertThat(store().find(new Username("alice"))).contains(account("alice", "$argon2id$hash-b"));
        assertThat(store().find(new Username("bob"))).contains(account("bob", "$argon2id$hash-a"));
        assertThat(store().replacePasswordHash(new Username("alice"), "$argon2id$hash-a", "$argon2id$hash-c"))
                .as("a second change from the old hash")
                .isFalse();
        assertThat(store().replacePasswordHash(new Username("carol"), "$argon2id$hash-a", "$argon2id$hash-b"))
                .as("no such user")
                .isFalse();
        assertThat(store().exists(new Username("carol"))).isFalse();
    }

    @Test
    void aRetiredAccountIsGoneAndItsNameCannotBeRegisteredAgain() {
        store().createIfAbsent(account("alice", "$argon2id$hash-a"));
        store().createIfAbsent(account("bob", "$argon2id$hash-b"));

        assertThat(store().retire(new Username("alice"))).isTrue();

        assertThat(store().find(new Username("alice"))).isEmpty();
        assertThat(store().exists(new Username("alice"))).isFalse();
        assertThat(store().createIfAbsent(account("alice", "$argon2id$hash-new")))
                .isFalse();
        assertThat(store().find(new Username("alice"))).isEmpty();
        assertThat(store().replacePasswordHash(new Username("alice"), "$argon2id$hash-a", "$argon2id$hash-c"))
                .isFalse();
        assertThat(store().retire(new Username("alice"))).as("retired already").isFalse();
        assertThat(store().find(new Username("bob"))).contains(account("bob", "$argon2id$hash-b"));
    }

    @Test
    void retiringAnUnknownNameReservesItAllTheSame() {
        assertThat(store().retire(new Username("carol"))).isFalse();

        assertThat(store().createIfAbsent(account("carol", "$argon2id$hash-a"))).isFalse();
    }

    @Test
    void createsAndFindsAUser() {
        assertThat(store().createIfAbsent(account("alice", "$argon2id$hash-a"))).isTrue();

        assertThat(store().find(new Username("alice"))).contains(account("alice", "$argon2id$hash-a"));
        assertThat(store().exists(new Username("alice"))).isTrue();
    }

    @Test
    void refusesASecondUserOfTheSameNameAndKeepsTheFirst() {
        store().createIfAbsent(account("bob", "first"));

        assertThat(store().createIfAbsent(account("bob", "second"))).isFalse();
        assertThat(store().find(new Username("bob")).orElseThrow().passwordHash())
                .isEqualTo("first");
    }

    @Test
    void namesAreCaseSensitive() {
        store().createIfAbsent(account("Carol", "upper"));

        assertThat(store().find(new Username("carol"))).isEmpty();
        assertThat(store().createIfAbsent(account("carol", "lower"))).isTrue();
    }

    @Test
    void findsNoUnknownUser() {
        assertThat(store().find(new Username("nobody"))).isEmpty();
        assertThat(store().exists(new Username("nobody"))).isFalse();
    }

    @Test
    void exactlyOneOfManyRacingRegistrationsWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String hash = "hash-" + i;
                attempts.add(() -> store().createIfAbsent(account("racer", hash)));
            }
            int winners = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
