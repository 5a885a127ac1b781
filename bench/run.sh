#!/usr/bin/env bash
# The fileshare benchmark, in one command:   bench/run.sh [--quick] [--warmup S] [--duration S] ...
# Needs nginx, wrk, curl, python3 and a JDK 17 (Debian: apt-get install nginx wrk curl python3 openjdk-17-jdk-headless).
# Builds target/fileshare.war if it is older than the sources, creates the Liberty server "fileshareBench"
# (target/liberty/wlp/usr/servers/fileshareBench), then runs bench/bench.py, which starts the service on
# 127.0.0.1:9780 and nginx on 127.0.0.1:9790 with data under target/bench/, and stops both at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SERVER=fileshareBench
WLP=target/liberty/wlp
WORK=target/bench

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 (Debian package: $2)"); }
need nginx nginx
need wrk wrk
need curl curl
need python3 python3
need java openjdk-17-jdk-headless
need dd coreutils
if ((${#missing[@]})); then
    echo "bench: missing prerequisites:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    echo "install them with: sudo apt-get install nginx wrk curl python3 openjdk-17-jdk-headless" >&2
    exit 2
fi
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
    echo "bench: needs Java 17 or later on the PATH (found: ${java_major:-none})" >&2
    exit 2
fi

cleanup() {
    # A safety net: bench.py stops both itself; this covers a bench.py that died without its finally.
    if [[ -f "$WORK/nginx/nginx.pid" ]] && kill -0 "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null; then
        kill -QUIT "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
    fi
    if [[ -x "$WLP/bin/server" && -d "$WLP/usr/servers/$SERVER" ]]; then
        "$WLP/bin/server" status "$SERVER" >/dev/null 2>&1 && "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK"
if [[ ! -f target/fileshare.war ]] || [[ -n "$(find src pom.xml server.xml -newer target/fileshare.war -print -quit)" ]]; then
    echo "== building target/fileshare.war (./mvnw package -DskipTests)"
    ./mvnw -B -q -ntp package -DskipTests -DskipInfra > "$WORK/build.log" 2>&1 \
        || { echo "bench: the build failed; see $WORK/build.log" >&2; tail -30 "$WORK/build.log" >&2; exit 1; }
fi
echo "== creating and deploying the Liberty server $SERVER"
./mvnw -B -q -ntp liberty:create liberty:deploy -DserverName="$SERVER" > "$WORK/liberty-create.log" 2>&1 \
    || { echo "bench: liberty:create/deploy failed; see $WORK/liberty-create.log" >&2; tail -30 "$WORK/liberty-create.log" >&2; exit 1; }

python3 bench/bench.py "$@"
