package dev.fileshare.store.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local data (password and session hashes, every file's content) belongs to the service's user alone:
 * directories 0700, files 0600. Modes are given when a path is created, so the process umask can only narrow
 * them, never widen them. On a file system without POSIX permissions (Windows) there is nothing to set.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

    private final boolean posix;

    private PrivateFiles(boolean posix) {
        this.posix = posix;
    }

    /** For paths inside {@code dataDir}, which must exist. */
    static PrivateFiles in(Path dataDir) throws IOException {
        return new PrivateFiles(Files.getFileStore(dataDir).supportsFileAttributeView(PosixFileAttributeView.class));
    }

    /** Creates {@code dir} (not its parents, which are not the store's) as a private directory unless it exists. */
    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        Files.createDirectory(dir);
        PrivateFiles created = in(dir);
        if (created.posix) {
            // Set outright: the mode of a new directory is whatever the umask left of the one asked for.
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    /** A private directory inside the data directory, created when missing. */
    Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir, directoryMode());
            } catch (FileAlreadyExistsException raced) {
                // another upload made the same shard directory meanwhile
            }
        }
        return dir;
    }

    /** Creates {@code file} empty and private unless it exists, so that what is written to it later stays private. */
    void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, fileMode());
        } catch (FileAlreadyExistsException exists) {
            // tightened at start-up with the rest
        }
    }

    /** The attributes that create a file readable and writable by its owner only. */
    FileAttribute<?>[] fileMode() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : NONE;
    }

    private FileAttribute<?>[] directoryMode() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : NONE;
    }

    /** Narrows every directory under {@code root} (itself included) to 0700 and every file to 0600; returns how many changed. */
    int tighten(Path root) throws IOException {
        if (!posix) {
            return 0;
        }
        int changed = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue; // the store makes none; whatever one points at is not the store's to change
                }
                Set<PosixFilePermission> wanted = Files.isDirectory(path) ? DIRECTORY : FILE;
                if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                    Files.setPosixFilePermissions(path, wanted);
                    changed++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return changed;
    }
}
