#!/usr/bin/env bash
# Waits (at most 60 s) until something listens on each given port of 127.0.0.1.
set -euo pipefail
for port in "$@"; do
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue 2
    fi
    sleep 0.2
  done
  echo "nothing listens on 127.0.0.1:$port after 60 s" >&2
  exit 1
done
