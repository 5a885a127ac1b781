package dev.fileshare.store.local;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LinkAccess;
import dev.fileshare.core.port.LinkStore;
import dev.fileshare.core.port.StoredLink;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Links in the table {@code links}, their access logs in {@code link_accesses}, which the foreign key deletes with
 * them. Each count is one conditional UPDATE on the single writer, so concurrent claims cannot pass the limit. Links
 * past their purge time are swept a few per new link, and all at start-up.
 */
final class SqliteLinkStore implements LinkStore {
    /** Ended links deleted per new one: more than one keeps ahead of new ones. */
    private static final int SWEEP_PER_CREATE = 8;

    private static final String COLUMNS = "handle, id_hash, owner, file_name, created, expires_at, purge_at,"
            + " max_downloads, claimed, downloads, password_hash";

    private final SqliteDatabase db;
    private final Clock clock;

    SqliteLinkStore(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean create(StoredLink link) {
        return db.write(c -> {
            sweep(c, clock.instant(), SWEEP_PER_CREATE);
            PreparedStatement s = c.prepare("INSERT INTO links(" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(handle) DO NOTHING");
            s.setString(1, link.handle().value());
            s.setString(2, link.idHash());
            s.setString(3, link.file().owner().value());
            s.setString(4, link.file().fileName().value());
            s.setLong(5, link.created().toEpochMilli());
            s.setLong(6, link.expiresAt().toEpochMilli());
            s.setLong(7, link.purgeAt().toEpochMilli());
            if (link.maxDownloads().isPresent()) {
                s.setLong(8, link.maxDownloads().getAsLong());
            } else {
                s.setNull(8, Types.INTEGER);
            }
            s.setLong(9, link.claimed());
            s.setLong(10, link.downloads());
            s.setString(11, link.passwordHash().orElse(null));
            return s.executeUpdate() == 1;
        });
    }

    @Override
    public Optional<StoredLink> find(LinkHandle handle) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT " + COLUMNS + " FROM links WHERE handle = ?");
            s.setString(1, handle.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(link(r)) : Optional.empty();
            }
        });
    }

    @Override
    public List<StoredLink> ownedBy(Username owner, Optional<FileName> file) {
        return db.read(c -> {
            PreparedStatement s;
            if (file.isPresent()) {
                s = c.prepare("SELECT " + COLUMNS + " FROM links WHERE owner = ? AND file_name = ?");
                s.setString(2, file.get().value());
            } else {
                s = c.prepare("SELECT " + COLUMNS + " FROM links WHERE owner = ?");
            }
            s.setString(1, owner.value());
            List<StoredLink> links = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    links.add(link(r));
                }
            }
            return links;
        });
    }

    @Override
    public boolean delete(LinkHandle handle, Username owner) {
        return db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM links WHERE handle = ? AND owner = ?");
            s.setString(1, handle.value());
            s.setString(2, owner.value());
            return s.executeUpdate() > 0;
        });
    }

    @Override
    public void deleteAll(FileKey file) {
        db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM links WHERE owner = ? AND file_name = ?");
            s.setString(1, file.owner().value());
            s.setString(2, file.fileName().value());
            return s.executeUpdate();
        });
    }

    @Override
    public boolean claimDownload(LinkHandle handle) {
        return db.write(c -> {
            PreparedStatement s = c.prepare("UPDATE links SET claimed = claimed + 1"
                    + " WHERE handle = ? AND (max_downloads IS NULL OR claimed < max_downloads)");
            s.setString(1, handle.value());
            return s.executeUpdate() == 1;
        });
    }

    @Override
    public void finishDownload(LinkHandle handle, boolean completed) {
        db.write(c -> {
            PreparedStatement s = completed
                    ? c.prepare("UPDATE links SET downloads = downloads + 1 WHERE handle = ?")
                    : c.prepare("UPDATE links SET claimed = claimed - 1 WHERE handle = ? AND claimed > 0");
            s.setString(1, handle.value());
            return s.executeUpdate();
        });
    }

    @Override
    public void recordAccess(LinkHandle handle, LinkAccess access, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("a log keeps at least one access");
        }
        db.write(c -> {
            PreparedStatement next = c.prepare(
                    "UPDATE links SET accesses_logged = accesses_logged + 1 WHERE handle = ? RETURNING accesses_logged");
            next.setString(1, handle.value());
            long seq;
            try (ResultSet r = next.executeQuery()) {
                if (!r.next()) {
                    return 0; // the link is gone
                }
                seq = r.getLong(1);
            }
            PreparedStatement insert = c.prepare("INSERT INTO link_accesses"
                    + "(handle, seq, at, address, user_agent, status, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)");
            insert.setString(1, handle.value());
            insert.setLong(2, seq);
            insert.setLong(3, access.at().toEpochMilli());
            insert.setString(4, access.address());
            insert.setString(5, access.userAgent());
            insert.setInt(6, access.status());
            insert.setLong(7, access.bytes());
            insert.executeUpdate();
            PreparedStatement trim = c.prepare("DELETE FROM link_accesses WHERE handle = ? AND seq <= ?");
            trim.setString(1, handle.value());
            trim.setLong(2, seq - keep);
            return trim.executeUpdate();
        });
    }

    @Override
    public List<LinkAccess> accesses(LinkHandle handle) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT at, address, user_agent, status, bytes FROM link_accesses"
                    + " WHERE handle = ? ORDER BY seq DESC");
            s.setString(1, handle.value());
            List<LinkAccess> log = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    log.add(new LinkAccess(
                            Instant.ofEpochMilli(r.getLong(1)),
                            r.getString(2),
                            r.getString(3),
                            r.getInt(4),
                            r.getLong(5)));
                }
            }
            return log;
        });
    }

    /** Deletes every link (and its log) whose purge time has come; at start-up. */
    int deletePurged(Instant now) {
        return db.write(c -> sweep(c, now, Integer.MAX_VALUE));
    }

    private static int sweep(SqliteDatabase.CachedConnection c, Instant now, int max) throws SQLException {
        PreparedStatement delete = c.prepare("""
                DELETE FROM links WHERE rowid IN
                  (SELECT rowid FROM links WHERE purge_at <= ? LIMIT ?)""");
        delete.setLong(1, now.toEpochMilli());
        delete.setInt(2, max);
        return delete.executeUpdate();
    }

    private static StoredLink link(ResultSet r) throws SQLException {
        long max = r.getLong(8);
        OptionalLong maxDownloads = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(max);
        return new StoredLink(
                new LinkHandle(r.getString(1)),
                r.getString(2),
                new FileKey(new Username(r.getString(3)), new FileName(r.getString(4))),
                Instant.ofEpochMilli(r.getLong(5)),
                Instant.ofEpochMilli(r.getLong(6)),
                Instant.ofEpochMilli(r.getLong(7)),
                maxDownloads,
                r.getLong(9),
                r.getLong(10),
                Optional.ofNullable(r.getString(11)));
    }
}
