/**
 * The AWS CDK app that deploys the service: one stack ({@code FileshareStack}) made of a private network, the data
 * stores (S3 and DynamoDB), the Fargate service behind an internal load balancer, and an HTTP API in front.
 *
 * <p>May depend on the AWS CDK and cdk-nag; it shares no code with the service, only the names its tests check
 * against the repository (configuration keys, the Dockerfile).
 */
package dev.fileshare.infra;
