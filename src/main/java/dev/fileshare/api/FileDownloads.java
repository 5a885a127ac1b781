package dev.fileshare.api;

import dev.fileshare.core.ByteRange;
import dev.fileshare.core.FileContent;
import dev.fileshare.core.FileEntry;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Date;

/** Streams a file's content to the client, raw or as Base64, never holding it whole in memory. */
final class FileDownloads {
    private static final int BUFFER = 64 * 1024;
    private static final MediaType BASE64_TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("US-ASCII");

    private FileDownloads() {
    }

    /** The answer to a GET: 304/412 when the preconditions say so, else the content (206 for a range). */
    static Response response(FileContent content, boolean base64, Request request) throws IOException {
        FileEntry entry = content.entry();
        EntityTag etag = entityTag(entry.etag());
        Date lastModified = Date.from(entry.modified());
        Response.ResponseBuilder precondition = request.evaluatePreconditions(lastModified, etag);
        if (precondition != null) {
            content.stream().close();
            return precondition.tag(etag).lastModified(lastModified).build();
        }
        Response.ResponseBuilder builder = Response.ok()
                .tag(etag)
                .lastModified(lastModified)
                .header("Cache-Control", "private, no-cache")
                .header("Content-Disposition", ContentDisposition.attachment(entry.key().fileName().value()));
        if (base64) {
            return builder.type(BASE64_TEXT)
                    .header(HttpHeaders.CONTENT_LENGTH, (entry.size() + 2) / 3 * 4)
                    .entity((StreamingOutput) out -> copyBase64(content.stream(), out))
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
                .entity((StreamingOutput) out -> copy(content.stream(), out))
                .build();
    }

    /** Our ETags are strong and quoted; JAX-RS wants the value without quotes. */
    static EntityTag entityTag(String quoted) {
        return new EntityTag(quoted.substring(1, quoted.length() - 1));
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        try (in) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
            }
        }
    }

    private static void copyBase64(InputStream in, OutputStream out) throws IOException {
        // The encoder closes what it wraps; the container owns the response stream, so shield it.
        OutputStream encoder = Base64.getEncoder().wrap(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
        try (in; encoder) {
            byte[] buffer = new byte[BUFFER - BUFFER % 3];
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                encoder.write(buffer, 0, n);
            }
        }
    }
}
