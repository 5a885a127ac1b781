# syntax=docker/dockerfile:1
# fileshare's container image, built from the sources in two stages:
#  1. build: the Maven wrapper builds target/fileshare.war from pom.xml and src/main, the web app's bundle
#     included (the tests ran before a deploy; they are not run again here);
#  2. run: Open Liberty's kernel-slim image, following its conventions: features.sh installs exactly
#     the features server.xml names, then the war goes in, then configure.sh applies the configuration
#     and fills the class cache.
# 'cdk deploy' in infra/ builds and pushes this image itself; by hand: docker build -t fileshare .
# Needs BuildKit (Docker 23+, or finch) and the internet (Maven Central, the base images).
#
# The base images are pinned by digest: the tag says what it is, the digest decides what is pulled.
# To move on, take the new tag's digest from the registry (docker buildx imagetools inspect IMAGE:TAG).

# The war is the same on every CPU, so this stage runs on the builder's own platform even when the
# image is for another one (-c arch=arm64): only the second stage needs an arm64 or emulating builder.
FROM --platform=$BUILDPLATFORM eclipse-temurin:17-jdk-noble@sha256:1acf864adb20be14ffa9039e44ba4c8e120e78a14492e67d67eafc6d5b52219a AS build
WORKDIR /build
# The war includes the web app, which the Maven build bundles with Node.js (npm ci, tsc, esbuild; Node 18.19+).
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/main/ src/main/
# The cache mount keeps the local Maven repository between builds (dependencies are downloaded once).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw --batch-mode --no-transfer-progress -DskipTests -Dmaven.test.skip=true -Dcodegen.skip=true package

# The Liberty version matches the root pom's liberty.runtime.version (the one the tests run on).
FROM open-liberty:26.0.0.3-kernel-slim-java17-openj9@sha256:f3cd88460ae79100da553c360034ef61540a08812712684be19282b4ab3a7b9f

# Server configuration first: the feature layer below is then cached until server.xml changes.
COPY --chown=1001:0 server.xml jvm.options /config/
# OpenTelemetry's defaults (on; OTLP export only when OTEL_EXPORTER_OTLP_ENDPOINT is set), which the task overrides.
COPY --chown=1001:0 server.env /config/
RUN features.sh

COPY --chown=1001:0 --from=build /build/target/fileshare.war /config/apps/

# configure.sh starts the server once to fill the class cache, warming two endpoints that exist (the
# image's default, https://localhost:9443/, is not served: this server has no TLS). The server runs in
# the local store mode on a data directory thrown away afterwards: building the image never reaches
# AWS. TLS=false: no keystore is generated into the image for a TLS endpoint the server does not have.
ARG TLS=false
RUN WARM_ENDPOINT_URL=http://localhost:9080/health/live \
    WARM_OPENAPI_ENDPOINT_URL=http://localhost:9080/openapi \
    FILESHARE_DATA_DIR=/tmp/warm-up configure.sh \
 && rm -rf /tmp/warm-up

# Run time only from here on. The image is the aws-mode deployment's (the task sets the mode as well;
# bucket, table names and region come from the task).
ENV FILESHARE_STORE=aws

# Logs as JSON on stdout, one object a line, the access log included (server.xml leaves these to the environment).
ENV WLP_LOGGING_CONSOLE_FORMAT=json \
    WLP_LOGGING_CONSOLE_SOURCE=message,trace,accessLog,ffdc,audit

# Last, so that a new revision only relabels the image and rebuilds no layer above.
ARG VERSION=unknown
ARG REVISION=unknown
LABEL org.opencontainers.image.title="fileshare" \
      org.opencontainers.image.description="File-sharing REST API on Open Liberty" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION"

# The base image's non-root user (group 0, as OpenShift-style runtimes expect).
USER 1001

# Liberty's HTTP port (server.xml variable http.port). No HEALTHCHECK: the load balancer probes
# /health/live, and ECS replaces a task that fails it.
EXPOSE 9080
