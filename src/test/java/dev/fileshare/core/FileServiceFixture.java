package dev.fileshare.core;

import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.Retention;
import dev.fileshare.core.port.UserAccount;
import dev.fileshare.store.memory.MemoryBlobStore;
import dev.fileshare.store.memory.MemoryLinkStore;
import dev.fileshare.store.memory.MemoryShareStore;
import dev.fileshare.store.memory.MemoryUserStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A {@link FileService} on the in-memory store, with alice, bob, carol and dave registered (mallory is not). */
final class FileServiceFixture {
    static final Username ALICE = new Username("alice");
    static final Username BOB = new Username("bob");
    static final Username CAROL = new Username("carol");
    static final Username DAVE = new Username("dave");
    static final Username MALLORY = new Username("mallory");

    /** What a store that keeps neither older versions nor a trash does: replaced and deleted content is gone. */
    static final Retention NO_VERSIONS = new Retention(0, Duration.ZERO, Duration.ZERO);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00.250Z"));
    final MemoryBlobStore blobs;
    final MemoryShareStore shares = new MemoryShareStore();
    final MemoryUserStore users = new MemoryUserStore();
    final MemoryLinkStore links = new MemoryLinkStore();
    final FileService files;

    FileServiceFixture() {
        this(Retention.DEFAULT);
    }

    /** With the store keeping older versions and the trash as {@code retention} says. */
    FileServiceFixture(Retention retention) {
        blobs = new MemoryBlobStore(clock, retention);
        files = new FileService(blobs, shares, links, users);
        for (Username user : new Username[] {ALICE, BOB, CAROL, DAVE}) {
            users.createIfAbsent(new UserAccount(user, "$argon2id$not-used-here", clock.instant()));
        }
    }

    FileVersion upload(Username owner, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return files.upload(owner, name(name), new ByteArrayInputStream(bytes), bytes.length, WriteCondition.ALWAYS)
                .entry();
    }

    /** The whole file as the caller reads it. */
    String read(Username caller, Username owner, String name) throws IOException {
        return text(files.open(caller, owner, name(name), null));
    }

    /** Everything the share store lists for {@code grantee}, straight from the store. */
    List<FileVersion> sharedWith(Username grantee) {
        return shares.sharedWith(grantee, Optional.empty(), Integer.MAX_VALUE);
    }

    /** A grant of a file that does not exist (any more), as one that raced with the file's delete leaves. */
    void strayGrant(Username owner, String name, Username grantee) {
        shares.grant(new FileVersion(key(owner, name), 4, clock.instant(), "\"stray\""), grantee);
    }

    static String text(FileContent content) throws IOException {
        try (InputStream in = content.stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static FileName name(String name) {
        return new FileName(name);
    }

    static FileKey key(Username owner, String name) {
        return new FileKey(owner, name(name));
    }
}
