package dev.fileshare.core;

import dev.fileshare.core.model.DownloadTerms;
import dev.fileshare.core.model.FileContent;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.TransferUrlGoneException;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.Stores;
import dev.fileshare.core.port.TransferUrl;
import dev.fileshare.core.port.TransferUrls;
import dev.fileshare.core.port.TransferUrlsContract;
import dev.fileshare.store.memory.MemoryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transfer URL contract on the local mode's signer. A URL is followed as the transfer endpoint follows it: the
 * terms come from its query, the signature is verified, then the file service stores the upload under the URL's
 * condition or opens what the download was issued for ({@link FileService#openIssued}).
 */
class SignedTransferUrlsContractTest extends TransferUrlsContract {
    private final SignedTransferUrls signer = new SignedTransferUrls(new byte[32], LIFETIME, Clock.systemUTC());
    private final Stores store = MemoryStore.open(Clock.systemUTC());
    private final FileService files = new FileService(store.blobs(), store.shares(), store.links(), store.users());

    @Override
    protected TransferUrls transferUrls() {
        return signer;
    }

    @Override
    protected BlobStore blobs() {
        return store.blobs();
    }

    @Override
    protected boolean put(TransferUrl url, byte[] content) throws IOException {
        Map<String, String> query = query(url);
        UploadTerms terms = signer.verifyUpload(
                new UploadTerms(fileKey(query), Long.parseLong(query.get("size")), condition(query)),
                Long.parseLong(query.get("expires")),
                query.get("signature"));
        try {
            files.upload(
                    terms.key().owner(),
                    terms.key().fileName(),
                    new ByteArrayInputStream(content),
                    terms.size(),
                    terms.condition());
            return true;
        } catch (PreconditionFailedException conditionDoesNotHold) {
            return false;
        }
    }

    @Override
    protected Optional<byte[]> get(TransferUrl url) throws IOException {
        Map<String, String> query = query(url);
        Username grantee = query.containsKey("grantee") ? new Username(query.get("grantee")) : null;
        DownloadTerms terms = signer.verifyDownload(
                fileKey(query),
                query.get("version"),
                grantee,
                Long.parseLong(query.get("expires")),
                query.get("signature"));
        FileContent content;
        try {
            content = files.openIssued(terms, null);
        } catch (TransferUrlGoneException gone) {
            return Optional.empty();
        }
        try (InputStream in = content.stream()) {
            return Optional.of(in.readAllBytes());
        }
    }

    private static FileKey fileKey(Map<String, String> query) {
        return new FileKey(new Username(query.get("owner")), new FileName(query.get("file_name")));
    }

    private static WriteCondition condition(Map<String, String> query) {
        if ("*".equals(query.get("if_none_match"))) {
            return WriteCondition.ONLY_IF_ABSENT;
        }
        if (query.containsKey("if_match")) {
            return new WriteCondition.OnlyIfMatches(query.get("if_match"));
        }
        return WriteCondition.ALWAYS;
    }

    private static Map<String, String> query(TransferUrl url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : url.url().getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
