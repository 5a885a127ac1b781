package dev.fileshare.api;

import dev.fileshare.api.telemetry.ServiceMetrics;
import dev.fileshare.core.FileService;
import dev.fileshare.core.model.ContentTooLargeException;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.CountingInputStream;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Streams a raw request body into a file, answering 201 (created) or 200 (replaced) with the file entry. The body
 * may be at most {@code limit} bytes, and no more than the gateway in front of the service carries.
 */
final class BinaryUpload {
    private BinaryUpload() {}

    static Response store(
            FileService files,
            Username owner,
            FileName name,
            WriteCondition condition,
            String contentLength,
            InputStream body,
            Optional<Sha256Digest> announced,
            long limit,
            GatewayLimit gateway,
            ServiceMetrics metrics)
            throws IOException {
        return store(
                files, owner, name, condition, declaredLength(contentLength), body, announced, limit, gateway, metrics);
    }

    /**
     * As above with the length known: the body must hold exactly {@code length} bytes (-1: any, up to the limit) and,
     * when a digest was {@code announced}, have that SHA-256.
     */
    static Response store(
            FileService files,
            Username owner,
            FileName name,
            WriteCondition condition,
            long length,
            InputStream body,
            Optional<Sha256Digest> announced,
            long limit,
            GatewayLimit gateway,
            ServiceMetrics metrics)
            throws IOException {
        if (gateway.exceeds(length)) {
            throw gateway.uploadTooLarge(length);
        }
        if (length > limit) {
            throw new ContentTooLargeException(
                    "The body is " + length + " bytes, over the binary upload limit of " + limit + " bytes.");
        }
        long bound = gateway.bound(limit);
        CountingInputStream counted = CountingInputStream.limitedTo(body, bound);
        BlobStore.WriteResult result;
        try {
            result = files.upload(owner, name, counted, length, condition, announced);
        } catch (IOException e) {
            if (counted.overLimit()) {
                // whichever limit the stream was bound to is the one the body broke
                throw bound < limit
                        ? gateway.uploadTooLarge(-1)
                        : new ContentTooLargeException(
                                "The body is over the binary upload limit of " + limit + " bytes.");
            }
            if (counted.sourceFailed() || (length >= 0 && counted.count() != length)) {
                throw InvalidInputException.of("body", "ended after " + counted.count() + " bytes; nothing was stored");
            }
            throw e;
        }
        metrics.uploaded(counted.count());
        FileEntry entry = FileEntry.of(result.entry());
        Response.ResponseBuilder response = result.created()
                ? Response.created(UriBuilder.fromPath("/file")
                        .queryParam("file_name", "{name}")
                        .build(name.value()))
                : Response.ok();
        return response.tag(FileDownloads.entityTag(result.entry().etag()))
                .entity(entry)
                .build();
    }

    /** The Content-Length header's value, -1 when there is none (a chunked body). */
    static long declaredLength(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("Content-Length", "must be a number");
        }
    }
}
