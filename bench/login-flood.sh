#!/usr/bin/env bash
# Resident memory of the service under concurrent logins for unknown users:   bench/login-flood.sh [PORT]
# Builds target/fileshare.war if it is older than the sources, creates the Liberty server "fileshareFlood" on
# 127.0.0.1:PORT (default 9780) with data under target/bench/flood-data, starts it, runs bench/login_flood.py
# against it (120 concurrent logins, 3 rounds), and stops it. Needs python3 and a JDK 17.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${1:-9780}
SERVER=fileshareFlood
WLP=target/liberty/wlp
WORK=target/bench
SERVER_DIR=$WLP/usr/servers/$SERVER

cleanup() {
    if [[ -x "$WLP/bin/server" && -d "$SERVER_DIR" ]]; then
        "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK"
if [[ ! -f target/fileshare.war ]] || [[ -n "$(find src pom.xml server.xml -newer target/fileshare.war -print -quit)" ]]; then
    echo "== building target/fileshare.war (./mvnw package -DskipTests)"
    ./mvnw -B -q -ntp package -DskipTests -DskipInfra > "$WORK/build.log" 2>&1 \
        || { echo "login-flood: the build failed; see $WORK/build.log" >&2; tail -30 "$WORK/build.log" >&2; exit 1; }
fi
echo "== creating and deploying the Liberty server $SERVER"
./mvnw -B -q -ntp liberty:create liberty:deploy -DserverName="$SERVER" > "$WORK/flood-create.log" 2>&1 \
    || { echo "login-flood: liberty:create/deploy failed; see $WORK/flood-create.log" >&2; exit 1; }
rm -rf "$WORK/flood-data"
printf 'http.port=%s\nhttps.port=-1\nhttp.host=127.0.0.1\n' "$PORT" > "$SERVER_DIR/bootstrap.properties"
# The service's defaults, but for the per-address ceiling: all the logins come from 127.0.0.1, and the figure is
# for a flood that reaches the hasher, not one the throttle turns away after 100 failures.
cat > "$SERVER_DIR/server.env" <<ENV
FILESHARE_DATA_DIR=$ROOT/$WORK/flood-data
FILESHARE_LOGIN_MAX_FAILURES_PER_ADDRESS=100000
ENV
echo "== starting $SERVER on 127.0.0.1:$PORT"
"$WLP/bin/server" start "$SERVER" >/dev/null
for _ in $(seq 1 180); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break
    sleep 1
done
PID=$(cat "$WLP/usr/servers/.pid/$SERVER.pid")
python3 bench/login_flood.py --port "$PORT" --pid "$PID" --out "$WORK/login-flood.json"
