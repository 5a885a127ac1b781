package dev.fileshare.store.memory;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.CountingInputStream;
import dev.fileshare.core.port.VersionGoneException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Each file's current version and its bytes. A write reads the whole content first, then checks its condition
 * and replaces the version in one atomic {@link ConcurrentMap#compute}, so readers see the old version or the
 * new one. Every write gets a new entity tag, as in the real stores.
 */
public final class MemoryBlobStore implements BlobStore {
    private record Blob(FileVersion version, byte[] content) {}

    private static final Comparator<FileVersion> BY_KEY = (a, b) -> FileKey.ORDER.compare(a.key(), b.key());

    private final ConcurrentMap<FileKey, Blob> files = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final Object quotaTurns = new Object();
    private final AtomicInteger listCalls = new AtomicInteger();
    private final Clock clock;
    private volatile Consumer<FileVersion> beforeRead = version -> {};

    public MemoryBlobStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code hook} at the start of every {@link #read}, with the version asked for: the moment between a
     * caller's {@link #find} and its read, where a test can replace or delete the file as a concurrent client might.
     */
    public void beforeEachRead(Consumer<FileVersion> hook) {
        this.beforeRead = hook;
    }

    @Override
    public WriteResult write(FileKey key, InputStream content, long length, WriteCondition condition, Quota quota)
            throws IOException {
        // The same announced-length rule as the real stores, so a short body fails here as it does there.
        byte[] bytes = CountingInputStream.ofAnnouncedLength(content, length).readAllBytes();
        FileVersion version = new FileVersion(
                key,
                bytes.length,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                "\"memory-" + writes.incrementAndGet() + "\"");
        boolean[] created = {false};
        // Writes with a quota take turns, so that the usage checked is the usage at the commit: exact, as locally.
        synchronized (quotaTurns) {
            files.compute(key, (k, current) -> {
                if (!holds(condition, current)) {
                    throw new PreconditionFailedException(
                            "The condition " + condition + " does not hold for " + key + ".");
                }
                if (!quota.isUnlimited()) {
                    quota.admit(
                            usage(key.owner()),
                            current == null
                                    ? OptionalLong.empty()
                                    : OptionalLong.of(current.version().size()),
                            bytes.length);
                }
                created[0] = current == null;
                return new Blob(version, bytes);
            });
        }
        return new WriteResult(version, created[0]);
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
        Blob current = files.get(entry.key());
        if (current == null || !current.version().etag().equals(entry.etag())) {
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

    @Override
    public boolean delete(FileKey key) {
        return files.remove(key) != null;
    }
}
