#!/usr/bin/env bash
# Tries the aws store on one machine: starts the stand-ins (dynalite for DynamoDB, S3Proxy for S3, both in
# memory, on 127.0.0.1), then the server in aws mode against them, which creates its bucket and tables.
# Ctrl-C stops the server and the stand-ins; nothing is kept. Needs Java 17 and Node.js 20+.
#
# Settings (environment): HTTP_PORT (9080), HTTPS_PORT (9443), SERVER_NAME (fileshareAws),
# DYNAMODB_PORT (4567), S3_PORT (4568).
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT="${HTTP_PORT:-9080}"
HTTPS_PORT="${HTTPS_PORT:-9443}"
SERVER_NAME="${SERVER_NAME:-fileshareAws}"
DYNAMODB_PORT="${DYNAMODB_PORT:-4567}"
S3_PORT="${S3_PORT:-4568}"

# The war, a Liberty server with it, the stand-ins' launcher and its class path; npm ci installs dynalite when missing.
./mvnw -q package liberty:create liberty:install-feature liberty:deploy dependency:build-classpath \
  -DskipTests -DserverName="$SERVER_NAME" \
  -Dliberty.var.http.port="$HTTP_PORT" -Dliberty.var.https.port="$HTTPS_PORT" \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/aws-stand-ins.classpath
[ -f src/test/dynalite/node_modules/dynalite/cli.js ] || (cd src/test/dynalite && npm ci --no-audit --no-fund --ignore-scripts)

java -Djava.util.logging.config.file=src/test/resources/logging.properties \
  -Dfileshare.dynalite.dir=src/test/dynalite \
  -cp "target/test-classes:target/classes:$(cat target/aws-stand-ins.classpath)" \
  dev.fileshare.tools.AwsStandIns "$DYNAMODB_PORT" "$S3_PORT" &
STAND_INS=$!
trap 'kill "$STAND_INS" 2>/dev/null || true; wait "$STAND_INS" 2>/dev/null || true' EXIT

for _ in $(seq 1 150); do
  if curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/" && curl -s -o /dev/null "http://127.0.0.1:$DYNAMODB_PORT/"; then
    break
  fi
  kill -0 "$STAND_INS" 2>/dev/null || { echo "the stand-ins did not start" >&2; exit 1; }
  sleep 0.2
done

export FILESHARE_STORE=aws
export FILESHARE_AWS_DYNAMODB_ENDPOINT="http://127.0.0.1:$DYNAMODB_PORT"
export FILESHARE_AWS_S3_ENDPOINT="http://127.0.0.1:$S3_PORT"
export FILESHARE_AWS_CREATE_RESOURCES=true
echo "fileshare in aws mode on http://localhost:$HTTP_PORT (Ctrl-C stops it and the stand-ins)"
# In the foreground, with this environment; Ctrl-C stops the server, then the trap stops the stand-ins.
target/liberty/wlp/bin/server run "$SERVER_NAME"
