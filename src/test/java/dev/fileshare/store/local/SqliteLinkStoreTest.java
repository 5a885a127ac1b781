package dev.fileshare.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.MutableClock;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.LinkId;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LinkAccess;
import dev.fileshare.core.port.StoredLink;
import dev.fileshare.core.port.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot see: links past their purge time leave the tables, with their logs, on their own. */
class SqliteLinkStoreTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FileKey FILE = new FileKey(new Username("alice"), new FileName("notes.txt"));

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    private StoredLink link(Duration purgedIn) {
        LinkId id = LinkId.generate(RANDOM);
        Instant now = clock.instant();
        return StoredLink.fresh(
                id.handle(), id.hash(), FILE, now, now, now.plus(purgedIn), OptionalLong.empty(), Optional.empty());
    }

    @Test
    void purgedLinksAreSweptAsNewOnesArriveAndAtStartUp() throws SQLException {
        try (Stores local = LocalStore.open(dataDir, clock)) {
            for (int i = 0; i < 3; i++) {
                StoredLink ending = link(Duration.ofDays(1));
                local.links().create(ending);
                local.links().recordAccess(ending.handle(), new LinkAccess(clock.instant(), "unknown", "", 200, 1), 5);
            }
            local.links().create(link(Duration.ofDays(30)));
            assertThat(rows("links")).isEqualTo(4);
            assertThat(rows("link_accesses")).isEqualTo(3);

            clock.advance(Duration.ofDays(1));
            local.links().create(link(Duration.ofDays(30)));

            assertThat(rows("links")).as("the two live links are left").isEqualTo(2);
            assertThat(rows("link_accesses")).as("logs go with their links").isZero();
        }

        // The first link of 30 days is purged now; the second, made a day later, is not.
        clock.advance(Duration.ofDays(29));
        try (Stores reopened = LocalStore.open(dataDir, clock)) {
            assertThat(rows("links")).isEqualTo(1);
        }
    }

    private long rows(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
                ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
