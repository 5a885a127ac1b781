package dev.fileshare.core;

import dev.fileshare.core.model.ByteRange;
import dev.fileshare.core.model.DigestMismatchException;
import dev.fileshare.core.model.DownloadTerms;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FilePage;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.ListCursor;
import dev.fileshare.core.model.NotFoundException;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.QuotaExceededException;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.TransferUrlGoneException;
import dev.fileshare.core.model.Usage;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.DigestingInputStream;
import dev.fileshare.core.port.LinkStore;
import dev.fileshare.core.port.ShareStore;
import dev.fileshare.core.port.StoredLink;
import dev.fileshare.core.port.StoredVersion;
import dev.fileshare.core.port.TrashedFile;
import dev.fileshare.core.port.UserStore;
import dev.fileshare.core.port.VersionGoneException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Uploading, reading, listing and sharing files, with the rule of who may see what. A file's shares and public links
 * end with it.
 */
public final class FileService {
    /** A read retries when the version it found was replaced before it could be opened. */
    private static final int READ_ATTEMPTS = 3;

    /** Files or shares deleted per listing call when an account is deleted. */
    private static final int DELETION_PAGE = 1000;

    private static final Comparator<FileVersion> BY_KEY = (a, b) -> FileKey.ORDER.compare(a.key(), b.key());

    private final BlobStore blobs;
    private final ShareStore shares;
    private final LinkStore links;
    private final UserStore users;
    private final Quota quota;

    /** With no quota. */
    public FileService(BlobStore blobs, ShareStore shares, LinkStore links, UserStore users) {
        this(blobs, shares, links, users, Quota.UNLIMITED);
    }

    public FileService(BlobStore blobs, ShareStore shares, LinkStore links, UserStore users, Quota quota) {
        this.blobs = blobs;
        this.shares = shares;
        this.links = links;
        this.users = users;
        this.quota = quota;
    }

    /** As {@link #upload(Username, FileName, InputStream, long, WriteCondition, Optional)}, with no digest announced. */
    public BlobStore.WriteResult upload(
            Username caller, FileName name, InputStream content, long length, WriteCondition condition)
            throws IOException {
        return upload(caller, name, content, length, condition, Optional.empty());
    }

    /**
     * Every write of a file goes through here (a JSON or binary upload, a transfer URL, a resumable upload's
     * commit): it is held to the quota at its commit, and one larger than the byte quota is refused before its
     * body is read. Its SHA-256 is computed as it streams into the store, which keeps it with the version; when the
     * client announced one ({@code expected}), content with another is refused before the store commits it.
     *
     * @throws QuotaExceededException when the write would pass the quota; nothing changed then
     * @throws DigestMismatchException when the content's SHA-256 is not {@code expected}; nothing changed then
     */
    public BlobStore.WriteResult upload(
            Username caller,
            FileName name,
            InputStream content,
            long length,
            WriteCondition condition,
            Optional<Sha256Digest> expected)
            throws IOException {
        quota.admitAnnounced(length);
        FileKey key = new FileKey(caller, name);
        DigestingInputStream digesting = DigestingInputStream.of(content, length, expected);
        throwIfMismatched(digesting); // an empty content's digest is known before the store reads anything
        BlobStore.WriteResult result;
        try {
            result = blobs.write(key, digesting, length, condition, quota);
        } catch (IOException | RuntimeException e) {
            // However the store reports the failed read (its own exception, the SDK's), the cause is the client's.
            throwIfMismatched(digesting);
            throw e;
        }
        if (result.created()) {
            // A grant or link that raced with an earlier delete of this name must not open the new file to anyone.
            shares.revokeAll(key);
            links.deleteAll(key);
        } else {
            shares.refresh(result.entry());
        }
        return result;
    }

    private static void throwIfMismatched(DigestingInputStream content) {
        Optional<DigestingInputStream.DigestMismatch> mismatch = content.mismatch();
        if (mismatch.isPresent()) {
            throw new DigestMismatchException(
                    mismatch.get().expected(), mismatch.get().actual());
        }
    }

    /** The caller's own file, or one its owner shared with the caller; 404 otherwise, whichever the reason. */
    public FileVersion describe(Username caller, Username owner, FileName name) {
        FileKey key = new FileKey(owner, name);
        Optional<FileVersion> entry = blobs.find(key);
        if (entry.isEmpty() || !mayRead(caller, key)) {
            throw notFound(key);
        }
        return entry.get();
    }

    /** Opens a file the caller may read, as {@link #open(Username, Username, FileName, String, Predicate)}. */
    public FileContent open(Username caller, Username owner, FileName name, String rangeHeader) throws IOException {
        return open(caller, owner, name, rangeHeader, anyVersion -> true);
    }

    /**
     * Opens a file the caller may read: the whole of it, or the one range {@code rangeHeader} asks for
     * ({@code bytes=...}; null for all) when {@code rangeApplies} to the version found (HTTP's If-Range).
     */
    public FileContent open(
            Username caller, Username owner, FileName name, String rangeHeader, Predicate<FileVersion> rangeApplies)
            throws IOException {
        FileKey key = new FileKey(owner, name);
        if (rangeHeader == null) {
            if (!mayRead(caller, key)) {
                throw notFound(key);
            }
            BlobStore.OpenBlob blob = blobs.openCurrent(key).orElseThrow(() -> notFound(key));
            return new FileContent(blob.entry(), ByteRange.whole(blob.entry().size()), false, blob.stream());
        }
        // A range is resolved against one version's size, so that version is looked up first and read by name.
        return useReadableVersion(caller, owner, name, entry -> read(entry, rangeHeader, rangeApplies));
    }

    /**
     * Opens the one range {@code rangeHeader} asks for of exactly {@code version}: all of it when none, or when the
     * range does not apply to that version.
     */
    private FileContent read(FileVersion version, String rangeHeader, Predicate<FileVersion> rangeApplies)
            throws IOException {
        Optional<ByteRange> range =
                rangeApplies.test(version) ? ByteRange.parse(rangeHeader, version.size()) : Optional.empty();
        ByteRange span = range.orElse(ByteRange.whole(version.size()));
        return new FileContent(version, span, range.isPresent(), blobs.read(version, span.offset(), span.length()));
    }

    /** Something done with one version of a file, which fails with {@link VersionGoneException} once it is replaced. */
    @FunctionalInterface
    public interface VersionUse<T> {
        T apply(FileVersion version) throws IOException;
    }

    /**
     * Applies {@code use} to the current version of a file the caller may read (404 otherwise); when that version
     * is replaced before {@code use} is done with it, looks the file up again, a few times.
     */
    public <T> T useReadableVersion(Username caller, Username owner, FileName name, VersionUse<T> use)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            FileVersion entry = describe(caller, owner, name);
            try {
                return use.apply(entry);
            } catch (VersionGoneException replacedMeanwhile) {
                if (attempt == READ_ATTEMPTS) {
                    throw notFound(entry.key());
                }
            }
        }
    }

    /** Opens what a download URL was issued for, as {@link #openIssued(DownloadTerms, String, Predicate)}. */
    public FileContent openIssued(DownloadTerms terms, String rangeHeader) throws IOException {
        return openIssued(terms, rangeHeader, anyVersion -> true);
    }

    /**
     * Opens what a download URL was issued for, if it still applies: the same version of the file and, for a
     * grantee, a share that still exists. 410 otherwise: the URL's holder may not learn more than that. The range
     * applies as in {@link #open}.
     */
    public FileContent openIssued(DownloadTerms terms, String rangeHeader, Predicate<FileVersion> rangeApplies)
            throws IOException {
        FileKey key = terms.key();
        if (terms.grantee().isPresent()
                && !shares.isGranted(key, terms.grantee().get())) {
            throw new TransferUrlGoneException("the file is no longer shared with the user it was issued to.");
        }
        FileVersion entry = blobs.find(key)
                .filter(current -> current.etag().equals(terms.etag()))
                .orElseThrow(TransferUrlGoneException::replacedOrDeleted);
        try {
            return read(entry, rangeHeader, rangeApplies);
        } catch (VersionGoneException replacedMeanwhile) {
            throw TransferUrlGoneException.replacedOrDeleted();
        }
    }

    /** The versions of a file the caller may read, newest first, the current one first of all; 404 otherwise. */
    public List<StoredVersion> versions(Username caller, Username owner, FileName name) {
        FileKey key = new FileKey(owner, name);
        if (!mayRead(caller, key)) {
            throw notFound(key);
        }
        List<StoredVersion> versions = blobs.versions(key);
        if (versions.isEmpty()) {
            throw notFound(key);
        }
        return versions;
    }

    /** One version of a file the caller may read, current or older; 404 when there is no such version. */
    public FileVersion describeVersion(Username caller, Username owner, FileName name, String version) {
        FileKey key = new FileKey(owner, name);
        if (!mayRead(caller, key)) {
            throw notFound(key);
        }
        return blobs.findVersion(key, version).orElseThrow(() -> noVersion(key, version));
    }

    /** Opens one version of a file the caller may read, with a range as {@link #open} does. */
    public FileContent openVersion(
            Username caller,
            Username owner,
            FileName name,
            String version,
            String rangeHeader,
            Predicate<FileVersion> rangeApplies)
            throws IOException {
        FileVersion entry = describeVersion(caller, owner, name, version);
        try {
            // Without a Range header the whole version is read: no range can apply.
            return read(entry, rangeHeader, rangeHeader == null ? anyVersion -> false : rangeApplies);
        } catch (VersionGoneException prunedMeanwhile) {
            throw noVersion(entry.key(), version);
        }
    }

    /**
     * Makes a copy of an older version of one of the caller's files its current version, through the one write
     * path, so the restore is a new version and every rule of a write applies to it.
     */
    public FileVersion restoreVersion(Username caller, FileName name, String version) throws IOException {
        FileVersion entry = describeVersion(caller, caller, name, version);
        InputStream content;
        try {
            content = blobs.read(entry, 0, entry.size());
        } catch (VersionGoneException prunedMeanwhile) {
            throw noVersion(entry.key(), version);
        }
        try (content) {
            return upload(caller, name, content, entry.size(), WriteCondition.ALWAYS)
                    .entry();
        }
    }

    /** The caller's trash, in name order. */
    public List<TrashedFile> trash(Username caller) {
        return blobs.trash(caller);
    }

    /**
     * Brings one of the caller's files back from the trash, with its older versions but without the shares and
     * links it had: those ended with the delete. 409 when a file of that name exists.
     */
    public FileVersion restoreFromTrash(Username caller, FileName name) throws IOException {
        FileKey key = new FileKey(caller, name);
        return blobs.restoreFromTrash(key)
                .orElseThrow(() -> new NotFoundException("No file '" + name + "' in your trash."));
    }

    /** Drops one of the caller's files from the trash for good. */
    public void purge(Username caller, FileName name) throws IOException {
        if (!blobs.purge(new FileKey(caller, name))) {
            throw new NotFoundException("No file '" + name + "' in your trash.");
        }
    }

    /** Moves one of the caller's files to the trash and ends every share of it and every public link to it. */
    public void delete(Username caller, FileName name) throws IOException {
        FileKey key = new FileKey(caller, name);
        if (!blobs.delete(key)) {
            throw notFound(key);
        }
        shares.revokeAll(key);
        links.deleteAll(key);
    }

    /**
     * Deletes everything {@code owner} stores and every share both ways, for the deletion of their account: each
     * of their files with its shares and public links, any link of theirs left over, and their access to others'
     * files. A page of files or shares at a time, each page after the last one's key, so it ends however the
     * store changes meanwhile; a page shorter than full is the last. Each file is purged from the trash with its
     * older versions as it is deleted, and what the trash held before goes after the files.
     */
    public void deleteEverythingOf(Username owner) throws IOException {
        Optional<FileName> afterName = Optional.empty();
        List<FileVersion> page;
        do {
            page = blobs.list(owner, afterName, DELETION_PAGE);
            for (FileVersion entry : page) {
                blobs.delete(entry.key());
                blobs.purge(entry.key());
                shares.revokeAll(entry.key());
                links.deleteAll(entry.key());
            }
            afterName = page.isEmpty()
                    ? afterName
                    : Optional.of(page.get(page.size() - 1).key().fileName());
        } while (page.size() == DELETION_PAGE);
        for (TrashedFile trashed : blobs.trash(owner)) {
            blobs.purge(trashed.entry().key());
        }
        for (StoredLink link : links.ownedBy(owner, Optional.empty())) {
            links.delete(link.handle(), owner);
        }
        Optional<FileKey> afterKey = Optional.empty();
        do {
            page = shares.sharedWith(owner, afterKey, DELETION_PAGE);
            for (FileVersion entry : page) {
                shares.revoke(entry.key(), owner);
            }
            afterKey = page.isEmpty()
                    ? afterKey
                    : Optional.of(page.get(page.size() - 1).key());
        } while (page.size() == DELETION_PAGE);
    }

    /** The users one of the caller's files is shared with, sorted. */
    public List<Username> grantees(Username caller, FileName name) {
        FileKey key = new FileKey(caller, name);
        if (blobs.find(key).isEmpty()) {
            throw notFound(key);
        }
        List<Username> grantees = new ArrayList<>(shares.grantees(key));
        grantees.sort(null);
        return grantees;
    }

    /** Stops sharing one of the caller's files with {@code grantee}; revoking what was not shared is a no-op. */
    public void revoke(Username caller, FileName name, Username grantee) {
        FileKey key = new FileKey(caller, name);
        if (blobs.find(key).isEmpty()) {
            throw notFound(key);
        }
        shares.revoke(key, grantee);
    }

    /** What {@code owner} stores, as quotas count it. */
    public Usage usage(Username owner) {
        return blobs.usage(owner);
    }

    /** The quota every user is held to. */
    public Quota quota() {
        return quota;
    }

    /**
     * Refuses now a later upload of {@code size} bytes to one of the caller's files that would pass the quota as
     * things stand (an upload URL's size is known when it is issued); the upload is held to the quota again when
     * it commits.
     */
    public void admitUpload(Username caller, FileName name, long size) {
        if (quota.isUnlimited()) {
            return;
        }
        quota.admitAnnounced(size);
        // A replacement frees nothing: the version it replaces stays counted while it is kept as an older one.
        // (With fileshare.versions.keep=0 this is stricter than the commit's own check, which is the exact one.)
        OptionalLong freed =
                blobs.find(new FileKey(caller, name)).isPresent() ? OptionalLong.of(0) : OptionalLong.empty();
        quota.admit(blobs.usage(caller), freed, size);
    }

    /** The caller's own files, then those shared with them, each part sorted by key. */
    public List<FileVersion> list(Username caller) {
        return list(caller, Optional.empty(), Integer.MAX_VALUE).entries();
    }

    /**
     * A page of the caller's listing: their own files, then those shared with them, each part sorted by key,
     * starting after {@code after} (from the start when empty), at most {@code limit} entries
     * ({@link Integer#MAX_VALUE}: all). One or two store queries a page, however many files are shared.
     */
    public FilePage list(Username caller, Optional<ListCursor> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one entry");
        }
        // One more than the page holds tells whether another page follows.
        int wanted = limit == Integer.MAX_VALUE ? limit : limit + 1;
        boolean inShared =
                after.filter(cursor -> cursor.part() == ListCursor.Part.SHARED).isPresent();
        List<FileVersion> own = new ArrayList<>();
        if (!inShared) {
            own.addAll(blobs.list(caller, after.map(cursor -> cursor.last().fileName()), wanted));
            own.sort(BY_KEY);
        }
        List<FileVersion> shared = new ArrayList<>();
        if (own.size() < wanted) {
            Optional<FileKey> from = inShared ? after.map(ListCursor::last) : Optional.empty();
            shared.addAll(shares.sharedWith(caller, from, wanted - own.size()));
            shared.sort(BY_KEY);
        }
        List<FileVersion> entries = new ArrayList<>(own);
        entries.addAll(shared);
        if (entries.size() <= limit) {
            return new FilePage(entries, Optional.empty());
        }
        List<FileVersion> page = entries.subList(0, limit);
        ListCursor.Part part = limit <= own.size() ? ListCursor.Part.OWN : ListCursor.Part.SHARED;
        return new FilePage(
                page, Optional.of(new ListCursor(part, page.get(limit - 1).key())));
    }

    public void share(Username caller, FileName name, Username grantee) {
        if (grantee.equals(caller)) {
            throw InvalidInputException.of("username", "cannot share a file with its owner");
        }
        FileKey key = new FileKey(caller, name);
        FileVersion entry = blobs.find(key).orElseThrow(() -> notFound(key));
        if (!users.exists(grantee)) {
            throw new NotFoundException("No user named '" + grantee + "'.");
        }
        shares.grant(entry, grantee);
    }

    /**
     * The caller, a grantee, removes {@code owner}'s file from their list (and their access to it). Idempotent,
     * and the same answer whether or not the file exists or was shared: it reveals nothing.
     */
    public void leave(Username caller, Username owner, FileName name) {
        if (owner.equals(caller)) {
            throw InvalidInputException.of("owner", "is the caller: one's own files are not shared with oneself");
        }
        shares.revoke(new FileKey(owner, name), caller);
    }

    private boolean mayRead(Username caller, FileKey key) {
        return key.owner().equals(caller) || shares.isGranted(key, caller);
    }

    private static NotFoundException noVersion(FileKey key, String version) {
        return new NotFoundException(
                "No version '" + version + "' of file '" + key.fileName() + "' of '" + key.owner() + "'.");
    }

    private static NotFoundException notFound(FileKey key) {
        return new NotFoundException("No file '" + key.fileName() + "' of '" + key.owner() + "' that you may read.");
    }
}
