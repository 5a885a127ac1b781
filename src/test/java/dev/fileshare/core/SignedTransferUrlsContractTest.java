package dev.fileshare.core;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.core.port.TransferUrlsContract;
import dev.fileshare.store.memory.MemoryBlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The transfer URL contract on the local mode's signer. A URL is followed as the transfer endpoint follows it: the
 * file, expiry and signature come from its query, the signature is verified, then the store is written or read.
 */
class SignedTransferUrlsContractTest extends TransferUrlsContract {
    private final SignedTransferUrls signer = new SignedTransferUrls(new byte[32], LIFETIME, Clock.systemUTC());
    private final MemoryBlobStore blobs = new MemoryBlobStore(Clock.systemUTC());

    @Override
    protected TransferUrls transferUrls() {
        return signer;
    }

    @Override
    protected BlobStore blobs() {
        return blobs;
    }

    @Override
    protected void put(TransferUrl url, byte[] content) throws IOException {
        blobs.write(verified(url, "PUT"), new ByteArrayInputStream(content), content.length, WriteCondition.ALWAYS);
    }

    @Override
    protected byte[] get(TransferUrl url) throws IOException {
        FileVersion current = blobs.find(verified(url, "GET")).orElseThrow();
        try (InputStream in = blobs.read(current, 0, current.size())) {
            return in.readAllBytes();
        }
    }

    /** The file {@code url} names, once its signature holds for {@code method}. */
    private FileKey verified(TransferUrl url, String method) {
        Map<String, String> query = new HashMap<>();
        for (String pair : url.url().getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        FileKey file = new FileKey(new Username(query.get("owner")), new FileName(query.get("file_name")));
        signer.verify(method, file, Long.parseLong(query.get("expires")), query.get("signature"));
        return file;
    }
}
