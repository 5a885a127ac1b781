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
import java.util.function.LongConsumer;

/** Streams a file's content to the client, raw or as Base64, never holding it whole in memory. */
final class FileDownloads {
    private static final int BUFFER = 64 * 1024;
    /** Raw bytes per Base64 chunk: a multiple of 3, so that no chunk but the last is padded. */
    private static final int BASE64_CHUNK = 48 * 1024;

    private static final MediaType BASE64_TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("US-ASCII");

    private FileDownloads() {}

    /**
     * The answer to a GET: 304/412 when the preconditions say so, 409 when the content is more than the gateway
     * carries, else the content (206 for a range).
     */
    static Response response(
            FileContent content, boolean base64, Request request, GatewayLimit gateway, ServiceMetrics metrics)
            throws IOException {
        FileVersion entry = content.entry();
        EntityTag etag = entityTag(entry.etag());
        Date lastModified = Date.from(entry.modified());
        Response.ResponseBuilder precondition = request.evaluatePreconditions(lastModified, etag);
        if (precondition != null) {
            content.stream().close();
            return precondition.tag(etag).lastModified(lastModified).build();
        }
        long bodyBytes = base64 ? base64Length(entry.size()) : content.range().length();
        if (gateway.exceeds(bodyBytes)) {
            content.stream().close();
            return ProblemResponses.of(gateway.downloadTooLarge(bodyBytes)).build();
        }
        Response.ResponseBuilder builder = Response.ok()
                .tag(etag)
                .lastModified(lastModified)
                .header("Cache-Control", "private, no-cache")
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment(entry.key().fileName().value()));
        if (base64) {
            return builder.type(BASE64_TEXT)
                    .header(HttpHeaders.CONTENT_LENGTH, bodyBytes)
                    .entity((StreamingOutput) out -> copyBase64(content.stream(), out, metrics::downloaded))
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
                .entity((StreamingOutput) out -> copy(content.stream(), out, range.length(), metrics::downloaded))
                .build();
    }

    /** Our ETags are strong and quoted; JAX-RS wants the value without quotes. */
    static EntityTag entityTag(String quoted) {
        return new EntityTag(quoted.substring(1, quoted.length() - 1));
    }

    private static long base64Length(long size) {
        return (size + 2) / 3 * 4;
    }

    /** Copies the content, telling {@code sent} how many of its bytes went out, also when the copy broke off. */
    private static void copy(InputStream in, OutputStream out, long length, LongConsumer sent) throws IOException {
        long count = 0;
        try (in) {
            // A small file needs no 64 KiB buffer: allocating (and zeroing) one per request shows in a 4 KiB GET.
            byte[] buffer = new byte[(int) Math.max(1, Math.min(BUFFER, length))];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                count += n;
            }
        } finally {
            sent.accept(count);
        }
    }

    /** Copies the content as Base64, telling {@code sent} how many bytes of the content (not its encoding) went out. */
    private static void copyBase64(InputStream in, OutputStream out, LongConsumer sent) throws IOException {
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
        } finally {
            sent.accept(count);
        }
    }
}
