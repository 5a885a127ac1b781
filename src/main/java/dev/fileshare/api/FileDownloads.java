package dev.fileshare.api;

import dev.fileshare.core.FileContent;
import dev.fileshare.core.FileEntry;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Date;

/** Streams a file's content to the client, raw or as Base64, never holding it whole in memory. */
final class FileDownloads {
    private static final int BUFFER = 64 * 1024;

    private FileDownloads() {
    }

    static Response response(FileContent content, boolean base64) {
        FileEntry entry = content.entry();
        Response.ResponseBuilder builder = Response.ok()
                .tag(new jakarta.ws.rs.core.EntityTag(entry.etag().substring(1, entry.etag().length() - 1)))
                .lastModified(Date.from(entry.modified()));
        if (base64) {
            long encodedLength = (entry.size() + 2) / 3 * 4;
            return builder.type(MediaType.TEXT_PLAIN_TYPE.withCharset("US-ASCII"))
                    .header(HttpHeaders.CONTENT_LENGTH, encodedLength)
                    .entity((StreamingOutput) out -> copyBase64(content.stream(), out))
                    .build();
        }
        return builder.type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, entry.size())
                .entity((StreamingOutput) out -> copy(content.stream(), out))
                .build();
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
        // wrap() would close the response stream on close; write through a non-closing view instead.
        OutputStream encoder = Base64.getEncoder().wrap(new NonClosingOutputStream(out));
        try (in; encoder) {
            byte[] buffer = new byte[BUFFER - BUFFER % 3];
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                encoder.write(buffer, 0, n);
            }
        }
    }

    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
