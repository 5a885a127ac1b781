package dev.fileshare.store.memory;

import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.StagedUpload;
import dev.fileshare.core.port.UploadStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Uploads in progress with their bytes in memory; an append reads its chunk whole before it counts. */
public final class MemoryUploadStore implements UploadStore {
    private record Entry(StagedUpload upload, byte[] bytes) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<String> appending = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized void create(StagedUpload upload) {
        entries.put(upload.id(), new Entry(upload, new byte[0]));
    }

    @Override
    public synchronized Optional<StagedUpload> find(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::upload);
    }

    @Override
    public StagedUpload append(String id, long offset, InputStream content, Instant expires) throws IOException {
        if (!appending.add(id)) {
            throw new OffsetConflictException("another append to this upload is under way", offset);
        }
        try {
            StagedUpload upload = find(id).orElseThrow(() -> new NoSuchElementException("no upload " + id));
            if (upload.offset() != offset) {
                throw new OffsetConflictException("the upload stands elsewhere", upload.offset());
            }
            byte[] chunk = content.readAllBytes();
            if (offset + chunk.length > upload.length()) {
                throw new IOException("the chunk goes past the upload's length");
            }
            synchronized (this) {
                Entry entry = entries.get(id);
                if (entry == null) {
                    throw new NoSuchElementException("no upload " + id);
                }
                byte[] bytes = Arrays.copyOf(entry.bytes(), (int) offset + chunk.length);
                System.arraycopy(chunk, 0, bytes, (int) offset, chunk.length);
                StagedUpload appended = upload.at(bytes.length, expires);
                entries.put(id, new Entry(appended, bytes));
                return appended;
            }
        } finally {
            appending.remove(id);
        }
    }

    @Override
    public synchronized InputStream open(StagedUpload upload) {
        Entry entry = entries.get(upload.id());
        if (entry == null) {
            throw new NoSuchElementException("no upload " + upload.id());
        }
        return new ByteArrayInputStream(entry.bytes(), 0, (int) upload.offset());
    }

    @Override
    public synchronized boolean delete(String id) {
        return entries.remove(id) != null;
    }

    @Override
    public synchronized int count(Username owner) {
        return (int) entries.values().stream()
                .filter(e -> e.upload().key().owner().equals(owner))
                .count();
    }

    @Override
    public synchronized List<String> expired(Instant now, int max) {
        return entries.values().stream()
                .map(Entry::upload)
                .filter(u -> u.expiredAt(now))
                .sorted((a, b) -> a.expires().compareTo(b.expires()))
                .limit(max)
                .map(StagedUpload::id)
                .toList();
    }
}
