package dev.fileshare.store.local;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.ListingVersions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The numbers the schema's triggers advance (see {@link LocalSchema}); 0 for a user whose listing never changed. */
final class SqliteListingVersions implements ListingVersions {
    private final SqliteDatabase db;

    SqliteListingVersions(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public long current(Username user) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT version FROM listing_versions WHERE username = ?");
            s.setString(1, user.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }
}
