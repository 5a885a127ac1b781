package dev.fileshare.core;

import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.Password;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.SessionStore;
import dev.fileshare.core.port.UserStore;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code DELETE /account}: once the password proves it, the account goes with everything of it: its files, their
 * shares and links, its access to others' files, its sessions. Its name stays taken for good ({@link
 * UserStore#retire}): an upload through a URL issued before the deletion may still land under it, and must never
 * reach a new user who registers the same name.
 */
public final class AccountDeletion {
    private final AccountService accounts;
    private final FileService files;
    private final UserStore users;
    private final SessionStore sessions;

    public AccountDeletion(AccountService accounts, FileService files, UserStore users, SessionStore sessions) {
        this.accounts = accounts;
        this.files = files;
        this.users = users;
        this.sessions = sessions;
    }

    /**
     * Deletes the caller's account and everything of it.
     *
     * @throws dev.fileshare.core.model.WrongPasswordException when the password is wrong
     * @throws dev.fileshare.core.model.TooManyLoginAttemptsException when the login throttle says no
     */
    public void delete(Username caller, String password, ClientAddress from) throws IOException {
        accounts.confirmPassword(caller, Password.forLogin("password", password), from);
        // The account first: from here on no login, no new share with it, no registration of the name.
        users.retire(caller);
        sessions.deleteAllOf(caller, Optional.empty());
        files.deleteEverythingOf(caller);
    }
}
