package dev.fileshare.core.port;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileVersion;

/** Issues transfer URLs: signed by this service in the local mode, S3 presigned URLs in the AWS mode. */
public interface TransferUrls {
    TransferUrl upload(FileKey key);

    TransferUrl download(FileVersion entry);

    /** The most bytes one upload URL can carry, whatever the configured upload limit allows. */
    default long maxUploadBytes() {
        return Long.MAX_VALUE;
    }
}
