# fileshare on Open Liberty, following the Open Liberty image conventions:
# kernel-slim base, features.sh installs exactly the features server.xml names,
# configure.sh applies the server configuration and warms the class cache.
#
# Build the war first (./mvnw package), then: docker build -t fileshare .
# 'cdk deploy' in infra/ builds and pushes this image itself.
FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi-minimal

ARG VERSION=1.0
ARG REVISION=SNAPSHOT
LABEL org.opencontainers.image.title="fileshare" \
      org.opencontainers.image.description="File-sharing REST API on Open Liberty" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION"

# Server configuration first: the feature layer below is then cached until server.xml changes.
COPY --chown=1001:0 server.xml /config/
RUN features.sh

COPY --chown=1001:0 target/fileshare.war /config/apps/

# The container runs against S3 and DynamoDB; bucket, table names and region come from the task.
ENV FILESHARE_STORE=aws

RUN configure.sh

# The base image's non-root user (group 0, as OpenShift-style runtimes expect).
USER 1001

# Liberty's HTTP port (server.xml variable http.port). No HEALTHCHECK: the load balancer probes
# /health/ready, and ECS replaces a task that fails it.
EXPOSE 9080
