package dev.fileshare.store.memory;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LoginFailureStore;
import dev.fileshare.core.port.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Failure windows by username, counted with an atomic {@link ConcurrentMap#compute}; times to the millisecond. */
public final class MemoryLoginFailureStore implements LoginFailureStore {
    private final ConcurrentMap<Username, LoginFailures> windows = new ConcurrentHashMap<>();

    @Override
    public Optional<LoginFailures> find(Username username) {
        return Optional.ofNullable(windows.get(username));
    }

    @Override
    public LoginFailures recordFailure(Username username, Instant now, Duration window) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return windows.compute(
                username,
                (name, current) ->
                        current != null && current.start().plus(window).isAfter(at)
                                ? new LoginFailures(current.start(), current.failures() + 1)
                                : new LoginFailures(at, 1));
    }

    @Override
    public void clear(Username username) {
        windows.remove(username);
    }
}
