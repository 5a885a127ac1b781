package dev.fileshare.api;

import dev.fileshare.api.problem.ProblemResponses;
import dev.fileshare.api.telemetry.ServiceMetrics;
import dev.fileshare.core.model.ByteRange;
import dev.fileshare.core.model.ContentDisposition;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileVersion;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/** Streams a file's content to the client, raw or as Base64, never holding it whole in memory. */
final class FileDownloads {
    private static final int BUFFER = 64 * 1024;
    /** Raw bytes per Base64 chunk: a multiple of 3, so that no chunk but the last is padded. */
    private static final int BASE64_CHUNK = 48 * 1024;

    private static final MediaType BASE64_TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("US-ASCII");

    private FileDownloads() {}

    /** How a streamed body ended: the bytes written, and whether all of them reached the client. */
    @FunctionalInterface
    interface Delivery {
        void ended(long bytesSent, boolean complete);
    }

    /**
     * The answer to a GET: 304/412 when the preconditions say so, 409 when the content is more than the gateway
     * carries, else the content (206 for a range).
     */
    static Response response(
            FileContent content, boolean base64, Request request, GatewayLimit gateway, ServiceMetrics metrics)
            throws IOException {
        Optional<Response> refused = unchanged(content.entry(), request).or(() -> beyond(gateway, content, base64));
        if (refused.isPresent()) {
            content.stream().close();
            return refused.get();
        }
        return content(content, base64, (bytesSent, complete) -> metrics.downloaded(bytesSent));
    }

    /** 304 or 412 when the request's If-None-Match, If-Modified-Since (or other conditions) say so. */
    static Optional<Response> unchanged(FileVersion entry, Request request) {
        EntityTag etag = entityTag(entry.etag());
        Date lastModified = Date.from(entry.modified());
        Response.ResponseBuilder precondition = request.evaluatePreconditions(lastModified, etag);
        return precondition == null
                ? Optional.empty()
                : Optional.of(precondition.tag(etag).lastModified(lastModified).build());
    }

    /** 409 when the answer's body would be more than the gateway carries. */
    static Optional<Response> beyond(GatewayLimit gateway, FileContent content, boolean base64) {
        long bodyBytes = bodyBytes(content, base64);
        return gateway.exceeds(bodyBytes)
                ? Optional.of(
                        ProblemResponses.of(gateway.downloadTooLarge(bodyBytes)).build())
                : Optional.empty();
    }

    /**
     * The content, 200 (206 for a range), streamed; {@code delivery} hears how many bytes went out once the body
     * ended, flushed to the client when they all did.
     */
    static Response content(FileContent content, boolean base64, Delivery delivery) {
        FileVersion entry = content.entry();
        Response.ResponseBuilder builder = headers(entry);
        if (base64) {
            return builder.type(BASE64_TEXT)
                    .header(HttpHeaders.CONTENT_LENGTH, bodyBytes(content, true))
                    .entity((StreamingOutput) out -> copyBase64(content.stream(), out, delivery))
                    .build();
        }
        ByteRange range = content.range();
        if (content.partial()) {
            builder.status(Response.Status.PARTIAL_CONTENT)
                    .header("Content-Range", "bytes " + range.offset() + "-" + range.last() + "/" + entry.size());
        }
        return builder.type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, range.length())
                .entity((StreamingOutput) out -> copy(content.stream(), out, range.length(), delivery))
                .build();
    }

    /** The answer to a HEAD: a GET's headers for the whole raw content, without opening it. */
    static Response head(FileVersion entry) {
        return headers(entry)
                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, entry.size())
                .build();
    }

    private static Response.ResponseBuilder headers(FileVersion entry) {
        return Response.ok()
                .tag(entityTag(entry.etag()))
                .lastModified(Date.from(entry.modified()))
                .header("Cache-Control", "private, no-cache")
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment(entry.key().fileName().value()));
    }

    /** Our ETags are strong and quoted; JAX-RS wants the value without quotes. */
    static EntityTag entityTag(String quoted) {
        return new EntityTag(quoted.substring(1, quoted.length() - 1));
    }

    private static long bodyBytes(FileContent content, boolean base64) {
        return base64 ? (content.entry().size() + 2) / 3 * 4 : content.range().length();
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
        long count = 0;
        try (in) {
            byte[] raw = new byte[BASE64_CHUNK];
            byte[] text = new byte[BASE64_CHUNK / 3 * 4];
            for (int n; (n = in.readNBytes(raw, 0, raw.length)) > 0; ) {
                int written = encoder.encode(n == raw.length ? raw : Arrays.copyOf(raw, n), text);
                out.write(text, 0, written);
                count += n;
            }
            out.flush();
        } catch (IOException | RuntimeException failed) {
            delivery.ended(count, false);
            throw failed;
        }
        delivery.ended(count, true);
    }
}
