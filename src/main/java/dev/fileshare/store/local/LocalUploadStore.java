package dev.fileshare.store.local;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.StagedUpload;
import dev.fileshare.core.port.UploadStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploads in progress: a row of {@code uploads} each, and the bytes in {@code uploads/<id>}. The row's
 * {@code received} counts the file's durable bytes; what lies past it (a chunk cut off, or not yet counted when
 * the server stopped) is cut away by the next append, so an append is all or nothing and survives a restart.
 */
final class LocalUploadStore implements UploadStore {
    private static final String COLUMNS =
            "upload_id, owner, file_name, length, received, condition, expires_at, sha256";

    private final SqliteDatabase db;
    private final Path directory;
    private final PrivateFiles files;
    /** Uploads with an append under way in this process, the only one that uses this data directory. */
    private final Set<String> appending = ConcurrentHashMap.newKeySet();

    LocalUploadStore(SqliteDatabase db, Path dataDir, PrivateFiles files) throws IOException {
        this.db = db;
        this.files = files;
        this.directory = files.directory(dataDir.resolve("uploads"));
    }

    @Override
    public void create(StagedUpload upload) throws IOException {
        Files.deleteIfExists(pathOf(upload.id()));
        files.createFile(pathOf(upload.id()));
        db.write(c -> {
            PreparedStatement s = c.prepare("INSERT INTO uploads(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            s.setString(1, upload.id());
            s.setString(2, upload.key().owner().value());
            s.setString(3, upload.key().fileName().value());
            s.setLong(4, upload.length());
            s.setLong(5, upload.offset());
            s.setString(6, upload.conditionText());
            s.setLong(7, upload.expires().toEpochMilli());
            s.setString(8, upload.sha256().map(Sha256Digest::hex).orElse(null));
            return s.executeUpdate();
        });
    }

    @Override
    public Optional<StagedUpload> find(String id) {
        if (!wellFormed(id)) {
            return Optional.empty();
        }
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT " + COLUMNS + " FROM uploads WHERE upload_id = ?");
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StagedUpload(
                        r.getString(1),
                        new FileKey(new Username(r.getString(2)), new FileName(r.getString(3))),
                        r.getLong(4),
                        r.getLong(5),
                        StagedUpload.condition(r.getString(6)),
                        Instant.ofEpochMilli(r.getLong(7)),
                        Optional.ofNullable(r.getString(8)).map(Sha256Digest::fromHex)));
            }
        });
    }

    @Override
    public StagedUpload append(String id, long offset, InputStream content, Instant expires) throws IOException {
        if (!appending.add(id)) {
            throw new UploadStore.OffsetConflictException("another append to this upload is under way", offset);
        }
        try {
            StagedUpload upload = find(id).orElseThrow(() -> new NoSuchElementException("no upload " + id));
            if (upload.offset() != offset) {
                throw new UploadStore.OffsetConflictException("the upload stands elsewhere", upload.offset());
            }
            long written;
            try (FileChannel out = FileChannel.open(pathOf(id), StandardOpenOption.WRITE)) {
                out.truncate(offset);
                out.position(offset);
                written = BlobDirectory.copy(content, out);
                out.force(true);
            }
            long received = offset + written;
            if (received > upload.length()) {
                throw new IOException("the chunk goes past the upload's length");
            }
            int counted = db.write(c -> {
                PreparedStatement s = c.prepare(
                        "UPDATE uploads SET received = ?, expires_at = ? WHERE upload_id = ? AND received = ?");
                s.setLong(1, received);
                s.setLong(2, expires.toEpochMilli());
                s.setString(3, id);
                s.setLong(4, offset);
                return s.executeUpdate();
            });
            if (counted == 0) {
                // deleted (terminated, expired) while the chunk streamed in: its bytes went with the upload's file
                throw new NoSuchElementException("no upload " + id);
            }
            return upload.at(received, expires);
        } finally {
            appending.remove(id);
        }
    }

    @Override
    public InputStream open(StagedUpload upload) throws IOException {
        FileChannel in = FileChannel.open(pathOf(upload.id()), StandardOpenOption.READ);
        // only the counted bytes: a chunk cut off past them is no part of the upload
        return new BoundedChannelStream(in, upload.offset());
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (!wellFormed(id)) {
            return false;
        }
        int deleted = db.write(c -> {
            PreparedStatement s = c.prepare("DELETE FROM uploads WHERE upload_id = ?");
            s.setString(1, id);
            return s.executeUpdate();
        });
        Files.deleteIfExists(pathOf(id));
        return deleted > 0;
    }

    @Override
    public int count(Username owner) {
        return db.read(c -> {
            PreparedStatement s = c.prepare("SELECT COUNT(*) FROM uploads WHERE owner = ?");
            s.setString(1, owner.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    @Override
    public List<String> expired(Instant now, int max) {
        return db.read(c -> {
            PreparedStatement s =
                    c.prepare("SELECT upload_id FROM uploads WHERE expires_at <= ? ORDER BY expires_at LIMIT ?");
            s.setLong(1, now.toEpochMilli());
            s.setInt(2, max);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        });
    }

    /** Removes the uploads that expired before {@code now}, with their bytes; returns how many. */
    int deleteExpired(Instant now) throws IOException {
        int removed = 0;
        for (String id : expired(now, Integer.MAX_VALUE)) {
            if (delete(id)) {
                removed++;
            }
        }
        return removed;
    }

    /** Removes upload files no row refers to (a crash between the two); returns how many. */
    int sweepOrphans() throws IOException {
        Set<String> recorded = db.read(c -> {
            Set<String> ids = new HashSet<>();
            try (ResultSet r = c.prepare("SELECT upload_id FROM uploads").executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        });
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (!recorded.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    private Path pathOf(String id) {
        if (!wellFormed(id)) {
            throw new NoSuchElementException("no upload " + id);
        }
        return directory.resolve(id);
    }

    /** Ids are the service's own random URL-safe Base64; nothing else may become a path. */
    private static boolean wellFormed(String id) {
        return id != null && id.matches("[A-Za-z0-9_-]{1,64}");
    }

    /** The first {@code length} bytes of a file. */
    private static final class BoundedChannelStream extends InputStream {
        private final FileChannel channel;
        private final InputStream in;
        private long remaining;

        BoundedChannelStream(FileChannel channel, long length) {
            this.channel = channel;
            this.in = Channels.newInputStream(channel);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
            channel.close();
        }
    }
}
