package dev.fileshare.core.port;

import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.model.Username;

/**
 * What one login counter counts: one username from one client address, one username from anywhere, or one client
 * address whatever the username. {@code value} is the store's key; the prefixes keep the three kinds apart.
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

    @Override
    public String toString() {
        return value;
    }
}
