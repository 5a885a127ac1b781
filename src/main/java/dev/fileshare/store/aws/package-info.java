/**
 * The aws store: file content in one S3 bucket, users, sessions, shares, login attempts and public links in DynamoDB
 * tables,
 * and S3 presigned URLs as transfer URLs. {@code AwsStore.open} opens all its ports from an {@code AwsSettings}.
 *
 * <p>May depend on {@code core.port}, {@code core.model}, the JDK and the AWS SDK v2; never on {@code api},
 * {@code config}, {@code core}'s services or {@code store.local}.
 */
package dev.fileshare.store.aws;
