package dev.fileshare.core;

/** Issues transfer URLs: signed by this service in the local mode, S3 presigned URLs in the AWS mode. */
public interface TransferLinks {
    TransferLink upload(FileKey key);

    TransferLink download(FileEntry entry);

    /** The most bytes one upload URL can carry, whatever the configured upload limit allows. */
    default long maxUploadBytes() {
        return Long.MAX_VALUE;
    }
}
