package dev.fileshare.core;

import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.LoginSession;
import dev.fileshare.core.model.Password;
import dev.fileshare.core.model.SessionToken;
import dev.fileshare.core.model.TooManyLoginAttemptsException;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.UsernameTakenException;
import dev.fileshare.core.model.WrongPasswordException;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.StoredSession;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.core.port.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registration, login, logout, password changes, and who a session token belongs to. */
public final class AccountService {
    private static final String BAD_CREDENTIALS = "Unknown username or wrong password.";

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Duration sessionLifetime;
    private final SecureRandom random;
    private final Clock clock;

    public AccountService(
            UserStore users,
            SessionStore sessions,
            PasswordHasher hasher,
            LoginThrottle throttle,
            Duration sessionLifetime,
            SecureRandom random,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessionLifetime = sessionLifetime;
        this.random = random;
        this.clock = clock;
    }

    public Username register(String username, String password) {
        List<FieldError> errors = new ArrayList<>();
        Username name = collect(errors, () -> Username.parse("username", username));
        Password secret = collect(errors, () -> Password.parse("password", password));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The username or password breaks the rules.", errors);
        }
        UserAccount account =
                new UserAccount(name, hasher.hash(secret), clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (!users.createIfAbsent(account)) {
            throw new UsernameTakenException(name);
        }
        return name;
    }

    /**
     * Checks the credentials of a client at {@code from} and opens a session. The attempt is counted by the
     * {@link LoginThrottle} before the password is hashed; an unknown username (or one no user can have) costs one
     * Argon2 verification, like a wrong password, and gets the same answer, but only when the throttle let it in.
     *
     * @throws TooManyLoginAttemptsException without hashing, when a limit of the throttle is reached
     */
    public LoginSession login(String username, String password, ClientAddress from) {
        if (username == null || password == null) {
            List<FieldError> errors = new ArrayList<>();
            if (username == null) {
                errors.add(new FieldError("username", "is required"));
            }
            if (password == null) {
                errors.add(new FieldError("password", "is required"));
            }
            throw new InvalidInputException("The username and password are required.", errors);
        }
        Password secret = Password.forLogin("password", password);
        // A name no user can have is counted against its address only: no counter is kept per impossible name.
        Optional<Username> name = Username.isValid(username) ? Optional.of(new Username(username)) : Optional.empty();
        LoginThrottle.Attempt attempt = throttle.reserve(name, from);
        Optional<UserAccount> account;
        boolean matches;
        try {
            account = name.flatMap(users::find);
            if (account.isPresent()) {
                matches = hasher.verify(secret, account.get().passwordHash());
            } else {
                hasher.verifyDecoy(secret);
                matches = false;
            }
        } catch (RuntimeException undecided) {
            giveBack(attempt, undecided);
            throw undecided;
        }
        if (!matches) {
            throw new AuthenticationException(BAD_CREDENTIALS);
        }
        throttle.succeeded(attempt);
        return openSession(account.get().username());
    }

    /** Ends the session of {@code token}, if there is one: logging out is idempotent. */
    public void logout(SessionToken token) {
        sessions.delete(token.hash());
    }

    /** The caller's account as registered. */
    public UserAccount account(Username caller) {
        return users.find(caller).orElseThrow(() -> new AuthenticationException("This account no longer exists."));
    }

    /** Ends every session of {@code caller}, the one asking included: logging out everywhere. */
    public void logoutEverywhere(Username caller) {
        sessions.deleteAllOf(caller, Optional.empty());
    }

    /**
     * Replaces the caller's password once the current one is proven, and ends every other session of the caller;
     * the session of {@code token} stays. The new password follows registration's rules. A wrong current password
     * counts as a failed login against the throttle, since it is one more guess at it.
     *
     * @throws WrongPasswordException when the current password is wrong (or was changed meanwhile)
     * @throws TooManyLoginAttemptsException without hashing, when a limit of the throttle is reached
     */
    public void changePassword(
            Username caller, SessionToken token, String currentPassword, String newPassword, ClientAddress from) {
        List<FieldError> errors = new ArrayList<>();
        Password current = collect(errors, () -> Password.forLogin("current_password", currentPassword));
        Password replacement = collect(errors, () -> Password.parse("new_password", newPassword));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The current or new password breaks the rules.", errors);
        }
        UserAccount account = confirmPassword(caller, current, from);
        if (!users.replacePasswordHash(caller, account.passwordHash(), hasher.hash(replacement))) {
            throw new WrongPasswordException(); // changed by another request since it was checked
        }
        sessions.deleteAllOf(caller, Optional.of(token.hash()));
    }

    /**
     * The caller's account, once {@code password} proves it is theirs: as a login, counted against the throttle,
     * since it is one more guess at the password.
     *
     * @throws WrongPasswordException when the password is wrong (or the account is gone)
     * @throws TooManyLoginAttemptsException without hashing, when a limit of the throttle is reached
     */
    public UserAccount confirmPassword(Username caller, Password password, ClientAddress from) {
        LoginThrottle.Attempt attempt = throttle.reserve(Optional.of(caller), from);
        Optional<UserAccount> account;
        boolean matches;
        try {
            account = users.find(caller);
            matches =
                    account.isPresent() && hasher.verify(password, account.get().passwordHash());
        } catch (RuntimeException undecided) {
            giveBack(attempt, undecided);
            throw undecided;
        }
        if (!matches) {
            throw new WrongPasswordException();
        }
        throttle.succeeded(attempt);
        return account.get();
    }

    /** The user a live session token belongs to. */
    public Optional<Username> authenticate(SessionToken token) {
        String hash = token.hash();
        Optional<StoredSession> session = sessions.find(hash);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.get().expiresAt())) {
            sessions.delete(hash);
            return Optional.empty();
        }
        return Optional.of(session.get().username());
    }

    private LoginSession openSession(Username username) {
        SessionToken token = SessionToken.generate(random);
        Instant expiresAt = clock.instant().plus(sessionLifetime).truncatedTo(ChronoUnit.SECONDS);
        sessions.create(new StoredSession(token.hash(), username, expiresAt));
        return new LoginSession(token, expiresAt);
    }

    /** The password was never checked (a store or hashing failure): the attempt is no failure of the client's. */
    private void giveBack(LoginThrottle.Attempt attempt, RuntimeException cause) {
        try {
            throttle.abandoned(attempt);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static <T> T collect(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
