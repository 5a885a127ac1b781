/**
 * The AWS CDK app that deploys the service: one stack ({@code FileshareStack}) made of a private network, the data
 * stores (S3 and DynamoDB), the Fargate service (with its telemetry collector) behind an internal load balancer, an
 * HTTP API in front, and the alarms and dashboard that watch them ({@code Monitoring}).
 *
 * <p>May depend on the AWS CDK and cdk-nag; it shares no code with the service, only the names its tests check
 * against the repository (configuration keys, the Dockerfile, server.xml, the AWS adapter's SDK calls).
 */
package dev.fileshare.infra;
