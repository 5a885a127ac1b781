package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.ThrottleKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot see: counters whose window ended leave the table on their own. */
class SqliteLoginAttemptStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @TempDir
    Path dataDir;

    @Test
    void endedCountersAreSweptAsNewAttemptsArrive() throws SQLException {
        try (Stores local = LocalStore.open(dataDir, Clock.systemUTC())) {
            for (int i = 0; i < 20; i++) {
                local.loginAttempts().reserve(new ThrottleKey("address:10.0.0." + i), T0, WINDOW, 5);
            }
            assertThat(rows()).isEqualTo(20);

            Instant later = T0.plus(WINDOW);
            for (int i = 0; i < 3; i++) {
                local.loginAttempts().reserve(new ThrottleKey("address:10.0.1." + i), later, WINDOW, 5);
            }

            assertThat(rows()).as("only the three live counters are left").isEqualTo(3);
        }
    }

    private long rows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
                ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM login_attempts")) {
            r.next();
            return r.getLong(1);
        }
    }
}
