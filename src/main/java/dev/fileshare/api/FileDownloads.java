package dev.fileshare.api;

import dev.fileshare.api.problem.ProblemResponses;
import dev.fileshare.core.model.ByteRange;
import dev.fileshare.core.model.ContentDisposition;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileVersion;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/** Streams a file's content to the client, raw or as Base64, never holding it whole in memory; HEAD's headers. */
final class FileDownloads {
    private static final int BUFFER = 64 * 1024;
    /** Raw bytes per Base64 chunk: a multiple of 3, so that no chunk but the last is padded. */
    private static final int BASE64_CHUNK = 48 * 1024;

    private static final MediaType BASE64_TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("US-ASCII");
    /** Each user's own: no shared cache keeps it, and a private one asks again (cheaply, with the validators). */
    private static final String CACHE_CONTROL = "private, no-cache";

    private FileDownloads() {}

    /** How a streamed body ended: the bytes written, and whether all of them reached the client. */
    @FunctionalInterface
    interface Delivery {
        void ended(long bytesSent, boolean complete);
    }

    /**
     * The answer to a GET: 304 or 412 when the conditions say so, 409 when the answer is more than the gateway
     * carries, else the content (206 for a range). The stream is handed to {@code streams}, so that it is closed
     * however the request ends.
     */
    static Response response(
            FileContent content,
            boolean base64,
            DownloadConditions conditions,
            WantedDigests wanted,
            RequestStreams streams,
            GatewayLimit gateway,
            Delivery delivery)
            throws IOException {
        streams.closeAtEnd(content.stream());
        Optional<Response> refused = withoutContent(content, base64, conditions, gateway);
        if (refused.isPresent()) {
            content.stream().close();
            return refused.get();
        }
        return content(content, base64, wanted, delivery);
    }

    /**
     * The answer when it carries none of {@code content}: 304 (or 412, thrown) when the conditions say so, 409 when
     * it would be more than the gateway carries; empty when the content is to be sent.
     */
    static Optional<Response> withoutContent(
            FileContent content, boolean base64, DownloadConditions conditions, GatewayLimit gateway) {
        FileVersion entry = content.entry();
        if (conditions.notModified(entry)) {
            return Optional.of(notModified(entry));
        }
        long bodyBytes = base64 ? base64Length(entry.size()) : content.range().length();
        if (gateway.exceeds(bodyBytes)) {
            return Optional.of(
                    ProblemResponses.of(gateway.downloadTooLarge(bodyBytes)).build());
        }
        return Optional.empty();
    }

    /**
     * The content, 200 (206 for a range), streamed; {@code delivery} hears how many bytes went out once the body
     * ended, flushed to the client when they all did.
     */
    static Response content(FileContent content, boolean base64, WantedDigests wanted, Delivery delivery) {
        FileVersion entry = content.entry();
        InputStream stream = content.stream();
        ByteRange range = content.range();
        Response.ResponseBuilder builder = headers(entry, base64, range);
        if (base64) {
            return builder.entity((StreamingOutput) out -> copyBase64(stream, out, delivery))
                    .build();
        }
        if (content.partial()) {
            builder.status(Response.Status.PARTIAL_CONTENT)
                    .header("Content-Range", "bytes " + range.offset() + "-" + range.last() + "/" + entry.size());
            // The whole file's digest, when asked for: what a resumed download checks the joined parts against.
            // No Content-Digest of the part: the headers go before it is read, and it would be read twice.
            if (wanted.repr()) {
                entry.sha256()
                        .ifPresent(sha256 -> builder.header(DigestFields.REPR_DIGEST, DigestFields.field(sha256)));
            }
        } else {
            entry.sha256().ifPresent(sha256 -> {
                builder.header(DigestFields.REPR_DIGEST, DigestFields.field(sha256));
                if (wanted.content()) {
                    // The content is the whole representation, unencoded: the same digest.
                    builder.header(DigestFields.CONTENT_DIGEST, DigestFields.field(sha256));
                }
            });
        }
        return builder.entity((StreamingOutput) out -> copy(stream, out, range.length(), delivery))
                .build();
    }

    /**
     * The answer to a HEAD: what {@link #response} would send for the whole file, without its content (so without
     * a Content-Digest: there is none).
     */
    static Response head(FileVersion entry, boolean base64, DownloadConditions conditions) {
        if (conditions.notModified(entry)) {
            return notModified(entry);
        }
        Response.ResponseBuilder builder = headers(entry, base64, ByteRange.whole(entry.size()));
        if (!base64) {
            entry.sha256().ifPresent(sha256 -> builder.header(DigestFields.REPR_DIGEST, DigestFields.field(sha256)));
        }
        return builder.build();
    }

    /** The headers of {@code span} of {@code entry} raw, or of all of it as Base64. */
    private static Response.ResponseBuilder headers(FileVersion entry, boolean base64, ByteRange span) {
        Response.ResponseBuilder builder = Response.ok()
                .tag(entityTag(entry.etag()))
                .lastModified(Date.from(entry.modified()))
                .header("Cache-Control", CACHE_CONTROL)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment(entry.key().fileName().value()));
        if (base64) {
            return builder.type(BASE64_TEXT).header(HttpHeaders.CONTENT_LENGTH, base64Length(entry.size()));
        }
        return builder.type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, span.length());
    }

    /** 304 carries what a 200 would for caches (RFC 9110 section 15.4.5): validators and Cache-Control. */
    private static Response notModified(FileVersion entry) {
        return Response.notModified(entityTag(entry.etag()))
                .lastModified(Date.from(entry.modified()))
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }

    /** Our ETags are strong and quoted; JAX-RS wants the value without quotes. */
    static EntityTag entityTag(String quoted) {
        return new EntityTag(quoted.substring(1, quoted.length() - 1));
    }

    private static long base64Length(long size) {
        return (size + 2) / 3 * 4;
    }

    private static void copy(InputStream in, OutputStream out, long length, Delivery delivery) throws IOException {
        long sent = 0;
        try (in) {
            // A small file needs no 64 KiB buffer: allocating (and zeroing) one per request shows in a 4 KiB GET.
            byte[] buffer = new byte[(int) Math.max(1, Math.min(BUFFER, length))];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                sent += n;
            }
            out.flush(); // only what reached the client counts as sent
        } catch (IOException | RuntimeException failed) {
            delivery.ended(sent, false);
            throw failed;
        }
        delivery.ended(sent, sent == length);
    }

    /** Copies the content as Base64; {@code delivery} hears how many bytes of the content (not its encoding) went out. */
    private static void copyBase64(InputStream in, OutputStream out, Delivery delivery) throws IOException {
        // One Encoder.encode per chunk, not Encoder.wrap, whose stream writes each output byte on its own (Java 17).
        // Every chunk but the last is a multiple of 3 bytes, so only the last is padded: the same text as one encode.
        Base64.Encoder encoder = Base64.getEncoder();
        long sent = 0;
        try (in) {
            byte[] raw = new byte[BASE64_CHUNK];
            byte[] text = new byte[BASE64_CHUNK / 3 * 4];
            for (int n; (n = in.readNBytes(raw, 0, raw.length)) > 0; ) {
                int written = encoder.encode(n == raw.length ? raw : Arrays.copyOf(raw, n), text);
                out.write(text, 0, written);
                sent += n;
            }
            out.flush();
        } catch (IOException | RuntimeException failed) {
            delivery.ended(sent, false);
            throw failed;
        }
        delivery.ended(sent, true);
    }
}
