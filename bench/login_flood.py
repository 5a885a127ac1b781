#!/usr/bin/env python3
"""Resident memory of the service's JVM under a flood of concurrent logins for unknown users.

Started by bench/login-flood.sh, which creates, starts and stops the Liberty server it measures. Every login is for
a username that does not exist, so each one that gets past the throttle costs a full Argon2id hash (the service
hashes unknown users' passwords too, so that they take as long as wrong ones). All traffic goes to 127.0.0.1; the
flood is bounded in count and in time.
"""

import argparse
import http.client
import json
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from bench import RssSampler


def login(port, i, timeout):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        body = json.dumps({"username": "flood-%d-%d" % (int(time.time()), i), "password": "not-a-password-%d" % i})
        conn.request("POST", "/login", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError as e:
        return type(e).__name__
    finally:
        conn.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--pid", type=int, required=True, help="the Liberty JVM's pid")
    p.add_argument("--clients", type=int, default=120, help="concurrent logins (default 120)")
    p.add_argument("--rounds", type=int, default=3, help="floods, one after the other (default 3)")
    p.add_argument("--out", required=True, help="the JSON file to write")
    opts = p.parse_args()
    if not 1 <= opts.clients <= 1000 or not 1 <= opts.rounds <= 10:
        p.error("--clients must be within 1..1000 and --rounds within 1..10")

    # Warm the login path a little, so that the flood measures hashing, not class loading.
    for i in range(10):
        login(opts.port, -i, 60)
    runs = []
    for round_no in range(opts.rounds):
        started = time.monotonic()
        with RssSampler(opts.pid, limit=300) as rss:
            with ThreadPoolExecutor(opts.clients) as pool:
                statuses = Counter(pool.map(lambda i: login(opts.port, round_no * 10000 + i, 120),
                                            range(opts.clients)))
        run = dict(rss.summary(), growth_mib=rss.growth_mib(), seconds=time.monotonic() - started,
                   statuses={str(k): v for k, v in statuses.items()})
        print("round %d: RSS %.0f -> max %.0f MiB (growth %.1f MiB) in %.1f s; answers %s" % (
            round_no + 1, run["baseline_mib"], run["max_mib"], run["growth_mib"], run["seconds"], run["statuses"]))
        runs.append(run)
        time.sleep(2)
    result = {"clients": opts.clients, "runs": runs,
              "growth_mib_max": max(r["growth_mib"] for r in runs),
              "growth_mib_median": statistics.median(r["growth_mib"] for r in runs)}
    with open(opts.out, "w") as f:
        json.dump(result, f, indent=2)
    print("RSS growth under %d concurrent logins for unknown users: max %.1f MiB, median %.1f MiB over %d rounds" % (
        opts.clients, result["growth_mib_max"], result["growth_mib_median"], len(runs)))


if __name__ == "__main__":
    sys.exit(main())
