package dev.fileshare.store.local;

import dev.fileshare.core.port.CountingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder of blob files: {@code blobs/<first two hex digits>/<id>}, and {@code tmp/} for writes in progress.
 */
final class BlobDirectory {
    private static final int COPY_BUFFER = 256 * 1024;
    private static final Set<StandardOpenOption> NEW_FILE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final PrivateFiles files;
    private final Path blobs;
    private final Path tmp;

    BlobDirectory(Path dataDir, PrivateFiles files) throws IOException {
        this.files = files;
        this.blobs = files.directory(dataDir.resolve("blobs"));
        this.tmp = files.directory(dataDir.resolve("tmp"));
    }

    Path pathOf(BlobId id) {
        return blobs.resolve(id.value().substring(0, 2)).resolve(id.value());
    }

    /**
     * Streams {@code content} into a temporary file, forces it to disk and renames it to {@code id}'s place.
     *
     * @param announcedLength the byte count {@code content} must hold, or -1 for any
     * @return the byte count written
     */
    long store(BlobId id, InputStream content, long announcedLength) throws IOException {
        Path part = tmp.resolve(id.value() + ".part");
        try {
            long size;
            try (FileChannel out = FileChannel.open(part, NEW_FILE, files.fileMode())) {
                size = copy(CountingInputStream.ofAnnouncedLength(content, announcedLength), out);
                out.force(true);
            }
            Path target = pathOf(id);
            Path shard = files.directory(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(shard);
            return size;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    void deleteQuietly(BlobId id) {
        try {
            Files.deleteIfExists(pathOf(id));
        } catch (IOException e) {
            // an unreferenced blob is harmless; the next start-up sweep removes it
        }
    }

    /** Removes unfinished writes and every blob no file refers to (left by a crash mid-write). Returns the count. */
    int sweep(Set<String> referencedIds) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
                removed++;
            }
        }
        try (Stream<Path> files = Files.walk(blobs, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!referencedIds.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return removed;
    }

    boolean isWritable() {
        return Files.isDirectory(blobs) && Files.isWritable(blobs) && Files.isWritable(tmp);
    }

    /** Writes all of {@code in} to {@code out} in large writes; returns how many bytes that was. */
    static long copy(InputStream in, FileChannel out) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long total = 0;
        // readNBytes fills the buffer (a request body arrives some 32 KiB per read): one write per 256 KiB, not
        // eight, which took a 512 MiB upload from 17,000 write calls to 2,000.
        for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
            wrapped.clear().limit(n);
            while (wrapped.hasRemaining()) {
                out.write(wrapped);
            }
            total += n;
        }
        return total;
    }

    /** Makes a rename durable: on Linux the directory entry itself must be forced. */
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot open a directory for fsync; the rename is still atomic there
        }
    }
}
