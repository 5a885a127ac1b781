package dev.fileshare.store.local;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The SQLite tables; created when missing, so a new data directory needs no set-up. */
final class LocalSchema {
    /**
     * The tables of versions, and of uploads (the SHA-256 announced for the whole file), which gained a SHA-256
     * (lower-case hex) after they were first made.
     */
    private static final List<String> VERSION_TABLES = List.of("files", "older_versions", "trash", "uploads");

    private LocalSchema() {}

    static void apply(SqliteDatabase db) throws SQLException {
        createTables(db);
        addDigestColumns(db);
        countListingChanges(db);
    }

    /**
     * Every change to a row of {@code files} or {@code shares} advances, in its own transaction, the listing version
     * ({@link SqliteListingVersions}) of each user whose listing shows that row: the file's owner and its grantees,
     * or the share's grantee. Triggers, so that no write path can forget it. Rows are never deleted: a user's number
     * must never repeat.
     */
    private static void countListingChanges(SqliteDatabase db) throws SQLException {
        db.execute(
                """
                CREATE TABLE IF NOT EXISTS listing_versions (
                  username TEXT PRIMARY KEY,
                  version  INTEGER NOT NULL)""",
                listingTrigger("files", "INSERT", fileChanged("NEW")),
                listingTrigger("files", "UPDATE", fileChanged("OLD") + fileChanged("NEW")),
                listingTrigger("files", "DELETE", fileChanged("OLD")),
                listingTrigger("shares", "INSERT", advance("VALUES (NEW.grantee, 1)")),
                listingTrigger(
                        "shares", "UPDATE", advance("VALUES (OLD.grantee, 1)") + advance("VALUES (NEW.grantee, 1)")),
                listingTrigger("shares", "DELETE", advance("VALUES (OLD.grantee, 1)")));
    }

    private static String listingTrigger(String table, String event, String body) {
        String name = "listing_after_" + table + "_" + event.toLowerCase(Locale.ROOT);
        return "CREATE TRIGGER IF NOT EXISTS " + name + " AFTER " + event + " ON " + table + " BEGIN " + body + " END";
    }

    /** Advances the listing versions of the owner of {@code row} (NEW or OLD) of {@code files}, and of its grantees. */
    private static String fileChanged(String row) {
        return advance("VALUES (" + row + ".owner, 1)")
                + advance("SELECT grantee, 1 FROM shares WHERE owner = " + row + ".owner AND file_name = " + row
                        + ".file_name");
    }

    /** Advances the listing version of each user in {@code usernames}: rows of a username and 1 (VALUES or SELECT). */
    private static String advance(String usernames) {
        return "INSERT INTO listing_versions(username, version) " + usernames
                + " ON CONFLICT(username) DO UPDATE SET version = version + 1;";
    }

    /**
     * A database made before digests were kept gets the {@code sha256} column; its rows stay NULL (no digest known:
     * computing one would read every blob again), and every version written from now on has one.
     */
    private static void addDigestColumns(SqliteDatabase db) throws SQLException {
        for (String table : VERSION_TABLES) {
            boolean missing = db.write(c -> {
                PreparedStatement s = c.prepare("SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = 'sha256'");
                s.setString(1, table);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getInt(1) == 0;
                }
            });
            if (missing) {
                db.execute("ALTER TABLE " + table + " ADD COLUMN sha256 TEXT");
            }
        }
    }

    private static void createTables(SqliteDatabase db) throws SQLException {
        db.execute(
                """
                CREATE TABLE IF NOT EXISTS users (
                  username      TEXT PRIMARY KEY,
                  password_hash TEXT NOT NULL,
                  created_at    INTEGER NOT NULL)""",
                // The names of deleted accounts, never registered again (UserStore.retire).
                "CREATE TABLE IF NOT EXISTS retired_usernames (username TEXT PRIMARY KEY)",
                """
                CREATE TABLE IF NOT EXISTS sessions (
                  token_hash TEXT PRIMARY KEY,
                  username   TEXT NOT NULL,
                  expires_at INTEGER NOT NULL)""",
                "CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions(expires_at)",
                "CREATE INDEX IF NOT EXISTS sessions_by_username ON sessions(username)",
                """
                CREATE TABLE IF NOT EXISTS files (
                  owner     TEXT NOT NULL,
                  file_name TEXT NOT NULL,
                  blob_id   TEXT NOT NULL UNIQUE,
                  size      INTEGER NOT NULL,
                  modified  INTEGER NOT NULL,
                  sha256    TEXT,
                  PRIMARY KEY (owner, file_name))""",
                """
                CREATE TABLE IF NOT EXISTS shares (
                  owner     TEXT NOT NULL,
                  file_name TEXT NOT NULL,
                  grantee   TEXT NOT NULL,
                  PRIMARY KEY (grantee, owner, file_name))""",
                // Versions a write replaced (seq orders them, newest last) and, with in_trash = 1, those of a file in
                // the trash; times in epoch millis. A blob is referenced by files, older_versions or trash, once.
                """
                CREATE TABLE IF NOT EXISTS older_versions (
                  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
                  owner     TEXT NOT NULL,
                  file_name TEXT NOT NULL,
                  blob_id   TEXT NOT NULL UNIQUE,
                  size      INTEGER NOT NULL,
                  modified  INTEGER NOT NULL,
                  sha256    TEXT,
                  replaced  INTEGER NOT NULL,
                  in_trash  INTEGER NOT NULL DEFAULT 0)""",
                "CREATE INDEX IF NOT EXISTS older_versions_by_file ON older_versions(owner, file_name, in_trash, seq)",
                "CREATE INDEX IF NOT EXISTS older_versions_by_replaced ON older_versions(replaced)",
                // The file each trashed name held when it was deleted; one per name.
                """
                CREATE TABLE IF NOT EXISTS trash (
                  owner     TEXT NOT NULL,
                  file_name TEXT NOT NULL,
                  blob_id   TEXT NOT NULL UNIQUE,
                  size      INTEGER NOT NULL,
                  modified  INTEGER NOT NULL,
                  sha256    TEXT,
                  deleted   INTEGER NOT NULL,
                  PRIMARY KEY (owner, file_name))""",
                "CREATE INDEX IF NOT EXISTS trash_by_deleted ON trash(deleted)",
                "CREATE INDEX IF NOT EXISTS shares_by_file ON shares(owner, file_name)",
                // A grantee's shares in key order ("<owner>/<file_name>", as S3 and DynamoDB order keys): a page
                // of their listing is one range of this index.
                "CREATE INDEX IF NOT EXISTS shares_by_grantee_key ON shares(grantee, owner || '/' || file_name)",
                // Counters of login attempts live minutes; the per-username table they replace is simply dropped.
                "DROP TABLE IF EXISTS login_failures",
                """
                CREATE TABLE IF NOT EXISTS login_attempts (
                  throttle_key TEXT PRIMARY KEY,
                  attempts     INTEGER NOT NULL,
                  window_end   INTEGER NOT NULL)""",
                "CREATE INDEX IF NOT EXISTS login_attempts_by_window_end ON login_attempts(window_end)",
                // Public links under their handle; times in epoch millis. A link and its log go at purge_at.
                """
                CREATE TABLE IF NOT EXISTS links (
                  handle          TEXT PRIMARY KEY,
                  id_hash         TEXT NOT NULL,
                  owner           TEXT NOT NULL,
                  file_name       TEXT NOT NULL,
                  created         INTEGER NOT NULL,
                  expires_at      INTEGER NOT NULL,
                  purge_at        INTEGER NOT NULL,
                  max_downloads   INTEGER,
                  claimed         INTEGER NOT NULL DEFAULT 0,
                  downloads       INTEGER NOT NULL DEFAULT 0,
                  password_hash   TEXT,
                  accesses_logged INTEGER NOT NULL DEFAULT 0)""",
                "CREATE INDEX IF NOT EXISTS links_by_file ON links(owner, file_name)",
                "CREATE INDEX IF NOT EXISTS links_by_purge_at ON links(purge_at)",
                """
                CREATE TABLE IF NOT EXISTS link_accesses (
                  handle     TEXT NOT NULL REFERENCES links(handle) ON DELETE CASCADE,
                  seq        INTEGER NOT NULL,
                  at         INTEGER NOT NULL,
                  address    TEXT NOT NULL,
                  user_agent TEXT NOT NULL,
                  status     INTEGER NOT NULL,
                  bytes      INTEGER NOT NULL,
                  PRIMARY KEY (handle, seq))""",
                // Resumable uploads: received counts the bytes of uploads/<upload_id> that are durable.
                """
                CREATE TABLE IF NOT EXISTS uploads (
                  upload_id  TEXT PRIMARY KEY,
                  owner      TEXT NOT NULL,
                  file_name  TEXT NOT NULL,
                  length     INTEGER NOT NULL,
                  received   INTEGER NOT NULL,
                  condition  TEXT NOT NULL,
                  expires_at INTEGER NOT NULL,
                  sha256     TEXT)""",
                "CREATE INDEX IF NOT EXISTS uploads_by_owner ON uploads(owner)",
                "CREATE INDEX IF NOT EXISTS uploads_by_expiry ON uploads(expires_at)");
    }
}
