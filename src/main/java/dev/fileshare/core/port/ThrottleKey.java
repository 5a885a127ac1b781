package dev.fileshare.core.port;

import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.Username;

/**
 * What one counter of password attempts counts: one username from one client address, one username from anywhere,
 * one client address whatever it guesses, and the same two for a public link's password. {@code value} is the
 * store's key; the prefixes keep the kinds apart.
 */
public record ThrottleKey(String value) {
    public ThrottleKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a throttle key is not blank");
        }
    }

    public static ThrottleKey usernameAndAddress(Username username, ClientAddress address) {
        return new ThrottleKey("user-address:" + username.value() + "@" + address.value());
    }

    public static ThrottleKey username(Username username) {
        return new ThrottleKey("user:" + username.value());
    }

    public static ThrottleKey address(ClientAddress address) {
        return new ThrottleKey("address:" + address.value());
    }

    public static ThrottleKey linkAndAddress(LinkHandle link, ClientAddress address) {
        return new ThrottleKey("link-address:" + link.value() + "@" + address.value());
    }

    public static ThrottleKey link(LinkHandle link) {
        return new ThrottleKey("link:" + link.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
