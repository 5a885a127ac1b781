package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LoginAttemptStore;
import dev.fileshare.core.port.Reservation;
import dev.fileshare.core.port.ThrottleKey;
import dev.fileshare.store.memory.MemoryLoginAttemptStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The three counters a login attempt takes a place in (its address first, then its username from that address, then
 * its username), what a refusal, a success and an abandoned attempt leave in them, and Retry-After.
 */
class LoginThrottleTest {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Optional<Username> ALICE = Optional.of(new Username("alice"));
    private static final Optional<Username> BOB = Optional.of(new Username("bob"));
    private static final ClientAddress HOME = new ClientAddress("198.51.100.1");
    private static final ClientAddress OFFICE = new ClientAddress("198.51.100.2");
    private static final ClientAddress CAFE = new ClientAddress("198.51.100.3");

    private static final ThrottleKey HOME_ADDRESS = ThrottleKey.address(HOME);
    private static final ThrottleKey ALICE_AT_HOME = ThrottleKey.usernameAndAddress(ALICE.get(), HOME);
    private static final ThrottleKey ALICE_ANYWHERE = ThrottleKey.username(ALICE.get());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final MemoryLoginAttemptStore counters = new MemoryLoginAttemptStore();
    private final List<String> calls = new ArrayList<>();

    /** The in-memory counters, each call recorded as "reserve KEY", "release KEY" or "clear KEY". */
    private final LoginAttemptStore recorded = new LoginAttemptStore() {
        @Override
        public Reservation reserve(ThrottleKey key, Instant now, Duration window, int limit) {
            calls.add("reserve " + key);
            return counters.reserve(key, now, window, limit);
        }

        @Override
        public void release(ThrottleKey key, Reservation granted) {
            calls.add("release " + key);
            counters.release(key, granted);
        }

        @Override
        public void clear(ThrottleKey key) {
            calls.add("clear " + key);
            counters.clear(key);
        }
    };

    private LoginThrottle throttle(int perUsernameAndAddress, int perUsername, int perAddress) {
        return new LoginThrottle(
                recorded, new LoginThrottle.Limits(perUsernameAndAddress, perUsername, perAddress, WINDOW), clock);
    }

    private List<Integer> attempts(ThrottleKey... keys) {
        List<Integer> attempts = new ArrayList<>();
        for (ThrottleKey key : keys) {
            attempts.add(counters.attempts(key));
        }
        return attempts;
    }

    @Test
    void anAttemptTakesAPlaceInItsAddressThenItsPairThenItsUsername() {
        throttle(5, 5, 5).reserve(ALICE, HOME);

        assertThat(calls)
                .containsExactly(
                        "reserve address:198.51.100.1",
                        "reserve user-address:alice@198.51.100.1",
                        "reserve user:alice");
        assertThat(attempts(HOME_ADDRESS, ALICE_AT_HOME, ALICE_ANYWHERE)).containsExactly(1, 1, 1);
    }

    @Test
    void aNameNoUserCanHaveTakesAPlaceInItsAddressOnly() {
        LoginThrottle throttle = throttle(1, 1, 3);

        for (int i = 0; i < 3; i++) {
            throttle.reserve(Optional.empty(), HOME);
        }

        assertThat(calls).containsOnly("reserve address:198.51.100.1").hasSize(3);
        assertThatThrownBy(() -> throttle.reserve(Optional.empty(), HOME))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void aFullAddressRefusesWithOneCallAndKeepsNothing() {
        LoginThrottle throttle = throttle(5, 5, 2);
        throttle.reserve(BOB, HOME);
        throttle.reserve(BOB, HOME);
        calls.clear();

        assertThatThrownBy(() -> throttle.reserve(ALICE, HOME))
                .isInstanceOfSatisfying(
                        TooManyLoginAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(WINDOW));

        assertThat(calls).containsExactly("reserve address:198.51.100.1");
        assertThat(attempts(HOME_ADDRESS, ALICE_AT_HOME, ALICE_ANYWHERE)).containsExactly(2, 0, 0);
    }

    @Test
    void aFullCounterGivesBackThePlacesTheAttemptHadAlreadyTaken() {
        LoginThrottle throttle = throttle(5, 2, 10);
        throttle.reserve(ALICE, HOME);
        throttle.reserve(ALICE, OFFICE);
        calls.clear();

        assertThatThrownBy(() -> throttle.reserve(ALICE, CAFE)).isInstanceOf(TooManyLoginAttemptsException.class);

        assertThat(calls)
                .containsExactly(
                        "reserve address:198.51.100.3",
                        "reserve user-address:alice@198.51.100.3",
                        "reserve user:alice",
                        "release address:198.51.100.3",
                        "release user-address:alice@198.51.100.3");
        assertThat(attempts(
                        ThrottleKey.address(CAFE), ThrottleKey.usernameAndAddress(ALICE.get(), CAFE), ALICE_ANYWHERE))
                .containsExactly(0, 0, 2);
    }

    @Test
    void aSuccessClearsItsPairAndGivesItsPlaceBackToTheCeilings() {
        LoginThrottle throttle = throttle(5, 5, 5);
        throttle.reserve(ALICE, HOME);
        throttle.reserve(ALICE, HOME);
        LoginThrottle.Attempt success = throttle.reserve(ALICE, HOME);
        calls.clear();

        throttle.succeeded(success);

        assertThat(calls)
                .containsExactly(
                        "release address:198.51.100.1", "clear user-address:alice@198.51.100.1", "release user:alice");
        assertThat(attempts(HOME_ADDRESS, ALICE_AT_HOME, ALICE_ANYWHERE)).containsExactly(2, 0, 2);
    }

    @Test
    void anAbandonedAttemptIsGivenBackToEveryCounter() {
        LoginThrottle throttle = throttle(5, 5, 5);
        throttle.reserve(ALICE, HOME);
        throttle.reserve(ALICE, HOME);
        LoginThrottle.Attempt undecided = throttle.reserve(ALICE, HOME);

        throttle.abandoned(undecided);

        assertThat(attempts(HOME_ADDRESS, ALICE_AT_HOME, ALICE_ANYWHERE)).containsExactly(2, 2, 2);
    }

    @Test
    void aLockHoldsUntilItsWindowEndsAndRetryAfterRoundsUpToWholeSeconds() {
        LoginThrottle throttle = throttle(1, 5, 5);
        throttle.reserve(ALICE, HOME);

        clock.advance(Duration.ofMinutes(14).plusMillis(1));
        assertThat(retryAfter(throttle)).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(59).minusMillis(1));
        assertThat(retryAfter(throttle)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(retryAfter(throttle)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(1));
        assertThatCode(() -> throttle.reserve(ALICE, HOME)).doesNotThrowAnyException();
    }

    @Test
    void everyLimitIsAtLeastOneAndTheWindowIsPositive() {
        assertThatCode(() -> new LoginThrottle.Limits(1, 1, 1, Duration.ofMillis(1)))
                .doesNotThrowAnyException();
        for (int[] limits : new int[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}) {
            assertThatThrownBy(() -> new LoginThrottle.Limits(limits[0], limits[1], limits[2], WINDOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new LoginThrottle.Limits(1, 1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottle.Limits(1, 1, 1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Duration retryAfter(LoginThrottle throttle) {
        try {
            throttle.reserve(ALICE, HOME);
        } catch (TooManyLoginAttemptsException refused) {
            return refused.retryAfter();
        }
        throw new AssertionError("the attempt was not refused");
    }
}
