/**
 * The AWS stand-ins on loopback (dynalite for DynamoDB, S3Proxy for S3), shared by the aws adapters' tests, the
 * build's aws-mode end-to-end run and {@code scripts/run-aws-local.sh}.
 *
 * <p>May depend on the stand-ins' own libraries and the JDK; never on the service's classes.
 */
package dev.fileshare.tools;
