package dev.fileshare.store.memory;

import dev.fileshare.core.model.FileExistsException;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.QuotaExceededException;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.CountingInputStream;
import dev.fileshare.core.port.DigestingInputStream;
import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.StoredVersion;
import dev.fileshare.core.port.TrashedFile;
import dev.fileshare.core.port.VersionGoneException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Each file's current version and its bytes. A write reads the whole content first, then checks its condition
 * and replaces the version in one atomic {@link ConcurrentMap#compute}, so readers see the old version or the
 * new one. Every write gets a new entity tag, as in the real stores. Older versions and the trash follow the
 * same {@link Retention} as the real stores, under one lock.
 */
public final class MemoryBlobStore implements BlobStore {
    private record Blob(FileVersion version, byte[] content) {}

    private record Older(Blob blob, Instant replaced) {}

    private record Trashed(Blob blob, Instant deleted, List<Older> older) {}

    private static final Comparator<FileVersion> BY_KEY = (a, b) -> FileKey.ORDER.compare(a.key(), b.key());

    private final ConcurrentMap<FileKey, Blob> files = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicInteger listCalls = new AtomicInteger();
    /** Every file's older versions, the newest last. */
    private final Map<FileKey, List<Older>> older = new HashMap<>();

    private final Map<FileKey, Trashed> trash = new TreeMap<>(FileKey.ORDER);
    private final Clock clock;
    private final Retention retention;
    private volatile Consumer<FileVersion> beforeRead = version -> {};

    public MemoryBlobStore(Clock clock) {
        this(clock, Retention.DEFAULT);
    }

    public MemoryBlobStore(Clock clock, Retention retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Runs {@code hook} at the start of every {@link #read}, with the version asked for: the moment between a
     * caller's {@link #find} and its read, where a test can replace or delete the file as a concurrent client might.
     */
    public void beforeEachRead(Consumer<FileVersion> hook) {
        this.beforeRead = hook;
    }

    @Override
    public WriteResult write(
            FileKey key, DigestingInputStream content, long length, WriteCondition condition, Quota quota)
            throws IOException {
        // The same announced-length rule as the real stores, so a short body fails here as it does there.
        byte[] bytes = CountingInputStream.ofAnnouncedLength(content, length).readAllBytes();
        FileVersion version = new FileVersion(
                key,
                bytes.length,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                "\"memory-" + writes.incrementAndGet() + "\"",
                Optional.of(content.digest()));
        synchronized (this) {
            Blob current = files.get(key);
            if (!holds(condition, current)) {
                throw new PreconditionFailedException("The condition " + condition + " does not hold for " + key + ".");
            }
            Optional<Usage> before = quota.isUnlimited() ? Optional.empty() : Optional.of(usage(key.owner()));
            List<Older> olderBefore = new ArrayList<>(older.getOrDefault(key, List.of()));
            files.put(key, new Blob(version, bytes));
            if (current != null) {
                older.computeIfAbsent(key, any -> new ArrayList<>()).add(new Older(current, clock.instant()));
            }
            prune(key);
            try {
                before.ifPresent(usage -> quota.admit(usage, usage(key.owner())));
            } catch (QuotaExceededException refused) {
                // Nothing changes: the current version and the older ones are as they were.
                if (current == null) {
                    files.remove(key);
                } else {
                    files.put(key, current);
                }
                older.put(key, olderBefore);
                throw refused;
            }
            return new WriteResult(version, current == null);
        }
    }

    private void prune(FileKey key) {
        List<Older> versions = older.getOrDefault(key, new ArrayList<>());
        List<Older> kept = new ArrayList<>();
        for (int i = versions.size() - 1, newer = 0; i >= 0; i--, newer++) {
            if (retention.keepsVersion(newer, versions.get(i).replaced(), clock.instant())) {
                kept.add(0, versions.get(i));
            }
        }
        older.put(key, kept);
    }

    private static boolean holds(WriteCondition condition, Blob current) {
        if (condition instanceof WriteCondition.OnlyIfAbsent) {
            return current == null;
        }
        if (condition instanceof WriteCondition.OnlyIfMatches matches) {
            return current != null && current.version().etag().equals(matches.etag());
        }
        return true;
    }

    @Override
    public Optional<FileVersion> find(FileKey key) {
        return Optional.ofNullable(files.get(key)).map(Blob::version);
    }

    @Override
    public InputStream read(FileVersion entry, long offset, long length) {
        beforeRead.accept(entry);
        Blob current = kept(entry);
        if (current == null) {
            throw new VersionGoneException("version " + entry.etag() + " of " + entry.key() + " is gone");
        }
        int from = (int) Math.min(offset, current.content().length);
        int count = (int) Math.min(length, current.content().length - from);
        return new ByteArrayInputStream(current.content(), from, count);
    }

    @Override
    public Optional<OpenBlob> openCurrent(FileKey key) {
        return Optional.ofNullable(files.get(key))
                .map(blob -> new OpenBlob(blob.version(), new ByteArrayInputStream(blob.content())));
    }

    /** How many times {@link #list} was called: what a test of a listing's cost looks at. */
    public int listCalls() {
        return listCalls.get();
    }

    /** In key order, as the port promises: sorted on each call, filtered by the name to start after. */
    @Override
    public List<FileVersion> list(Username owner, Optional<FileName> after, int max) {
        listCalls.incrementAndGet();
        Optional<FileKey> from = after.map(name -> new FileKey(owner, name));
        return files.values().stream()
                .map(Blob::version)
                .filter(version -> version.key().owner().equals(owner))
                .filter(version -> from.isEmpty() || FileKey.ORDER.compare(version.key(), from.get()) > 0)
                .sorted(BY_KEY)
                .limit(max)
                .toList();
    }

    /** The blob of any version the store keeps, current, older or in the trash. */
    private synchronized Blob kept(FileVersion entry) {
        Instant now = clock.instant();
        Predicate<Older> young =
                v -> v.replaced().plus(retention.versionMaxAge()).isAfter(now);
        Stream<Blob> all = Stream.concat(
                Stream.concat(
                        Stream.ofNullable(files.get(entry.key())),
                        older.getOrDefault(entry.key(), List.of()).stream()
                                .filter(young)
                                .map(Older::blob)),
                Stream.ofNullable(trash.get(entry.key()))
                        .filter(t -> retention.purgeAt(t.deleted()).isAfter(now))
                        .flatMap(t -> Stream.concat(
                                Stream.of(t.blob()),
                                t.older().stream().filter(young).map(Older::blob))));
        return all.filter(blob -> blob.version().etag().equals(entry.etag()))
                .findFirst()
                .orElse(null);
    }

    @Override
    public synchronized boolean delete(FileKey key) {
        Blob removed = files.remove(key);
        if (removed == null) {
            return false;
        }
        List<Older> versions = older.remove(key);
        trash.put(key, new Trashed(removed, clock.instant(), versions == null ? List.of() : versions));
        return true;
    }

    @Override
    public synchronized List<StoredVersion> versions(FileKey key) {
        Blob current = files.get(key);
        if (current == null) {
            return List.of();
        }
        prune(key);
        List<StoredVersion> versions = new ArrayList<>();
        versions.add(new StoredVersion(current.version().etag(), current.version(), true));
        List<Older> kept = older.get(key);
        for (int i = kept.size() - 1; i >= 0; i--) {
            FileVersion version = kept.get(i).blob().version();
            versions.add(new StoredVersion(version.etag(), version, false));
        }
        return versions;
    }

    @Override
    public Optional<FileVersion> findVersion(FileKey key, String version) {
        return versions(key).stream()
                .filter(stored -> stored.version().equals(version))
                .map(StoredVersion::entry)
                .findFirst();
    }

    @Override
    public synchronized List<TrashedFile> trash(Username owner) {
        Instant now = clock.instant();
        return trash.values().stream()
                .filter(t -> t.blob().version().key().owner().equals(owner))
                .filter(t -> retention.purgeAt(t.deleted()).isAfter(now))
                .map(t -> new TrashedFile(t.blob().version(), t.deleted(), retention.purgeAt(t.deleted())))
                .toList();
    }

    @Override
    public synchronized Optional<FileVersion> restoreFromTrash(FileKey key) {
        Trashed trashed = trash.get(key);
        if (trashed == null || !retention.purgeAt(trashed.deleted()).isAfter(clock.instant())) {
            return Optional.empty();
        }
        if (files.containsKey(key)) {
            throw new FileExistsException(key);
        }
        trash.remove(key);
        files.put(key, trashed.blob());
        older.put(key, new ArrayList<>(trashed.older()));
        return Optional.of(trashed.blob().version());
    }

    @Override
    public synchronized boolean purge(FileKey key) {
        return trash.remove(key) != null;
    }

    @Override
    public synchronized Usage usage(Username owner) {
        Instant now = clock.instant();
        long files = 0;
        long bytes = 0;
        for (Blob blob : this.files.values()) {
            if (blob.version().key().owner().equals(owner)) {
                files++;
                bytes += blob.version().size();
            }
        }
        for (Map.Entry<FileKey, List<Older>> versions : older.entrySet()) {
            if (versions.getKey().owner().equals(owner)) {
                bytes += olderBytes(versions.getValue(), now);
            }
        }
        for (Trashed trashed : trash.values()) {
            if (trashed.blob().version().key().owner().equals(owner)
                    && retention.purgeAt(trashed.deleted()).isAfter(now)) {
                bytes += trashed.blob().version().size() + olderBytes(trashed.older(), now);
            }
        }
        return new Usage(files, bytes);
    }

    private long olderBytes(List<Older> versions, Instant now) {
        return versions.stream()
                .filter(v -> v.replaced().plus(retention.versionMaxAge()).isAfter(now))
                .mapToLong(v -> v.blob().version().size())
                .sum();
    }
}
