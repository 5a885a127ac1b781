package dev.fileshare.api;

/**
 * The two upload limits the resources enforce.
 *
 * @param maxJsonBytes   the most decoded content a JSON upload ({@code PUT /file} as {@code application/json}) may carry
 * @param maxBinaryBytes the most bytes a streamed binary upload may carry
 */
public record UploadLimits(long maxJsonBytes, long maxBinaryBytes) {}
