#!/usr/bin/env python3
"""The fileshare benchmark: the service side by side with references measured in the same run.

Started by bench/run.sh, which checks the prerequisites, builds the war and creates the Liberty server first.
Every figure is a ratio to a reference taken minutes apart on the same machine (nginx serving the same files and
receiving the same upload, the service's own floor: a 401 from its token filter, dd writing the same bytes, a bare
Argon2id hash), because the machine may be shared and absolute numbers drift.
All traffic goes to 127.0.0.1; every loop is bounded in count and in time.
"""

import argparse
import datetime
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench")
DATA = os.path.join(WORK, "data")
WWW = os.path.join(WORK, "www")
PUT_DIR = os.path.join(WORK, "put")  # where nginx's dav_methods PUT stores the upload reference
NGINX_PREFIX = os.path.join(WORK, "nginx")
WLP = os.path.join(ROOT, "target", "liberty", "wlp")
SERVER_NAME = "fileshareBench"
SERVER_DIR = os.path.join(WLP, "usr", "servers", SERVER_NAME)
HOST = "127.0.0.1"
SERVICE_PORT = 9780
HTTPS_PORT = 9781  # not opened (no TLS feature), but kept off the default 9443
NGINX_PORT = 9790
ARGON2 = {"memory_kib": 19456, "iterations": 2, "parallelism": 1}
PASSWORD = "bench-password-1"
KIB, MIB = 1024, 1024 * 1024

WRK_THREADS, WRK_CONNECTIONS = 2, 32


# The parts of a run, in the order they run (--only picks some).
PARTS = ("small", "large", "base64", "list", "login", "upload", "startup")


def log(message):
    print(message, flush=True)


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


# ---------------------------------------------------------------- processes


class Nginx:
    """nginx with its own prefix and configuration, in the foreground (daemon off) as our child."""

    def __init__(self):
        self.process = None

    def start(self):
        os.makedirs(os.path.join(NGINX_PREFIX, "logs"), exist_ok=True)
        os.makedirs(PUT_DIR, exist_ok=True)
        os.chmod(PUT_DIR, 0o777)  # nginx's workers may run as another user than its master
        conf = os.path.join(NGINX_PREFIX, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""# Written by bench/bench.py; a reference static-file server on the benchmark's files.
daemon off;
worker_processes auto;
pid {NGINX_PREFIX}/nginx.pid;
error_log {NGINX_PREFIX}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 65;
    default_type application/octet-stream;
    client_body_temp_path {NGINX_PREFIX}/client_body;
    proxy_temp_path {NGINX_PREFIX}/proxy;
    fastcgi_temp_path {NGINX_PREFIX}/fastcgi;
    uwsgi_temp_path {NGINX_PREFIX}/uwsgi;
    scgi_temp_path {NGINX_PREFIX}/scgi;
    server {{
        listen {HOST}:{NGINX_PORT};
        root {WWW};
        etag on;
        # The peer reference of the upload: the streamed PUT written to a temporary file, then renamed into place
        # (no fsync), on the same file system as the service's data directory.
        location /put/ {{
            alias {PUT_DIR}/;
            dav_methods PUT;
            create_full_put_path on;
            client_max_body_size 0;
            client_body_buffer_size 256k;
        }}
    }}
}}
""")
        self.process = subprocess.Popen(
            ["nginx", "-p", NGINX_PREFIX + "/", "-c", conf, "-e", os.path.join(NGINX_PREFIX, "logs", "error.log")],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(NGINX_PREFIX, "logs", "stderr.log"), "w"))
        wait_for(lambda: http_status(NGINX_PORT, "/4k.bin") == 200, 15, "nginx on port %d" % NGINX_PORT,
                 lambda: self.process.poll() is None)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful shutdown
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None


class Liberty:
    """The service in Liberty, started with `server run` (the script execs java, so our child is the JVM)."""

    def __init__(self):
        self.process = None
        self.log = os.path.join(WORK, "liberty-console.log")

    @property
    def pid(self):
        return self.process.pid

    def start(self, timeout=180):
        """Starts the server; returns the seconds from process start to the first 200 from /health/ready."""
        started = time.monotonic()
        self.process = subprocess.Popen([os.path.join(WLP, "bin", "server"), "run", SERVER_NAME],
                                        stdout=open(self.log, "a"), stderr=subprocess.STDOUT, cwd=ROOT)
        wait_for(lambda: http_status(SERVICE_PORT, "/health/ready") == 200, timeout,
                 "the service's /health/ready on port %d (console: %s)" % (SERVICE_PORT, self.log),
                 lambda: self.process.poll() is None, interval=0.02)
        return time.monotonic() - started

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            subprocess.run([os.path.join(WLP, "bin", "server"), "stop", SERVER_NAME],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=90)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None


def wait_for(condition, timeout, what, alive=lambda: True, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            raise SystemExit("bench: %s: the process exited" % what)
        if condition():
            return
        time.sleep(interval)
    raise SystemExit("bench: %s did not answer within %d s" % (what, timeout))


def port_in_use(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((HOST, port)) == 0


# ---------------------------------------------------------------- HTTP


def http_status(port, path):
    try:
        c = http.client.HTTPConnection(HOST, port, timeout=2)
        c.request("GET", path)
        status = c.getresponse().status
        c.close()
        return status
    except OSError:
        return None


def call(method, path, body=None, headers=None, conn=None, expect=(200,)):
    own = conn is None
    c = conn or http.client.HTTPConnection(HOST, SERVICE_PORT, timeout=60)
    h = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    if own:
        c.close()
    if r.status not in expect:
        raise SystemExit("bench: %s %s answered %d: %s" % (method, path, r.status, data[:300]))
    return r.status, data


def register_and_login(username):
    call("POST", "/register", {"username": username, "password": PASSWORD}, expect=(200, 409))
    _, data = call("POST", "/login", {"username": username, "password": PASSWORD})
    return json.loads(data)["token"]


def put_binary(token, name, payload, conn=None):
    call("PUT", "/file?file_name=" + name, payload,
         {"x-session-token": token, "Content-Type": "application/octet-stream"}, conn=conn, expect=(200, 201))


# ---------------------------------------------------------------- wrk


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * UNITS[m.group(2)]


def wrk(url, seconds, token=None, headers=(), latency=False, refused=False):
    """One wrk run; with refused=True every answer must be a 4xx or 5xx (the floor's 401s)."""
    args = ["wrk", "-t%d" % WRK_THREADS, "-c%d" % WRK_CONNECTIONS, "-d%ds" % max(1, int(round(seconds))),
            "--timeout", "10s"]
    if latency:
        args.append("--latency")
    if token:
        args += ["-H", "x-session-token: " + token]
    for h in headers:
        args += ["-H", h]
    args.append(url)
    out = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 60).stdout
    result = {"url": url, "seconds": int(round(seconds))}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not m:
        raise SystemExit("bench: cannot read wrk's output:\n" + out)
    result["requests_per_s"] = float(m.group(1))
    m = re.search(r"(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read", out)
    result["requests"] = int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["socket_errors"] = sum(int(x) for x in m.groups()) if m else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["non_2xx"] = int(m.group(1)) if m else 0
    if latency:
        for pct in ("50", "75", "90", "99"):
            m = re.search(r"^\s+%s%%\s+(\S+)" % pct, out, re.M)
            result["p%s_ms" % pct] = parse_ms(m.group(1))
    if refused:
        # every answer must be the refusal (wrk counts them as non-2xx); then none of them is an error
        if result["non_2xx"] != result["requests"]:
            raise SystemExit("bench: %d of %d answers from %s were 2xx, not refusals" % (
                result["requests"] - result["non_2xx"], result["requests"], url))
        result["non_2xx"] = 0
    if result["socket_errors"] or result["non_2xx"]:
        log("  ! wrk saw %d socket errors and %d non-2xx responses on %s" % (
            result["socket_errors"], result["non_2xx"], url))
    return result


# ---------------------------------------------------------------- RSS


class RssSampler:
    """VmRSS of one process every `interval` seconds, in a thread, until stopped (and at most `limit` s)."""

    def __init__(self, pid, interval=0.05, limit=600):
        self.pid, self.interval, self.limit = pid, interval, limit
        self.samples = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def rss_kib(self):
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def _run(self):
        deadline = time.monotonic() + self.limit
        while not self._stop.is_set() and time.monotonic() < deadline:
            self.samples.append(self.rss_kib())
            self._stop.wait(self.interval)

    def __enter__(self):
        base = []
        for _ in range(5):
            base.append(self.rss_kib())
            time.sleep(self.interval)
        self.baseline = statistics.median(base)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(5)
        self.samples.append(self.rss_kib())

    def growth_mib(self):
        return (max(self.samples) - self.baseline) / 1024

    def summary(self):
        return {"baseline_mib": self.baseline / 1024, "max_mib": max(self.samples) / 1024,
                "samples": len(self.samples)}


# ---------------------------------------------------------------- the benchmark


class Bench:
    def __init__(self, opts):
        self.opts = opts
        self.results = []
        self.details = {}
        self.loads = []
        self.nginx = Nginx()
        self.liberty = Liberty()
        self.warmed = {}

    def note_load(self, phase):
        self.loads.append({"phase": phase, "loadavg": loadavg(), "at": time.time()})

    def result(self, name, value, unit, reference=None, ratio=None, target=None, ok=None, how=""):
        r = {"name": name, "value": value, "unit": unit, "reference": reference, "ratio": ratio,
             "target": target, "met": ok, "how": how}
        self.results.append(r)
        shown = "%.3f" % ratio if ratio is not None else ""
        log("  => %s: %s %s%s  target %s: %s" % (name, fmt(value), unit, (" (ratio %s)" % shown) if shown else "",
                                               target, "met" if ok else "MISSED"))

    def warm_seconds(self, share):
        return max(1.0, self.opts.warmup * share)

    # -- setup

    def prepare_files(self):
        for d in (DATA, WWW):
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
        self.files = {}
        for name, size in (("4k.bin", 4 * KIB), ("1m.bin", MIB), ("64m.bin", 64 * MIB)):
            path = os.path.join(WWW, name)
            write_random(path, size)
            self.files[name] = path
        self.upload_source = os.path.join(WORK, "upload-%dm.bin" % self.opts.upload_mib)
        if not os.path.exists(self.upload_source) or os.path.getsize(self.upload_source) != self.opts.upload_mib * MIB:
            write_random(self.upload_source, self.opts.upload_mib * MIB)

    def configure_server(self):
        with open(os.path.join(SERVER_DIR, "bootstrap.properties"), "w") as f:
            f.write("# Written by bench/bench.py\nhttp.port=%d\nhttps.port=%d\nhttp.host=%s\n"
                    % (SERVICE_PORT, HTTPS_PORT, HOST))
        env_path = os.path.join(SERVER_DIR, "server.env")
        keep = []
        if os.path.exists(env_path):
            with open(env_path) as f:
                keep = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("FILESHARE_")]
        with open(env_path, "w") as f:
            f.write("\n".join(keep + [
                "FILESHARE_DATA_DIR=" + DATA,
                "FILESHARE_ARGON2_MEMORY_KIB=%d" % ARGON2["memory_kib"],
                "FILESHARE_ARGON2_ITERATIONS=%d" % ARGON2["iterations"],
                "FILESHARE_ARGON2_PARALLELISM=%d" % ARGON2["parallelism"],
            ]) + "\n")

    def run(self):
        for port in (SERVICE_PORT, NGINX_PORT):
            if port_in_use(port):
                raise SystemExit("bench: port %d is in use (a benchmark still running? `ss -ltnp | grep %d`)"
                                 % (port, port))
        self.note_load("start")
        log("== preparing files in %s" % WORK)
        self.prepare_files()
        self.configure_server()
        log("== starting nginx on %s:%d and the service on %s:%d" % (HOST, NGINX_PORT, HOST, SERVICE_PORT))
        self.nginx.start()
        first_start = self.liberty.start()
        self.details["first_start_s"] = first_start
        log("  service ready %.2f s after start (first start, not counted)" % first_start)
        self.token = register_and_login("bench")
        for name, path in self.files.items():
            with open(path, "rb") as f:
                put_binary(self.token, name, f.read())

        for part in PARTS:
            if part in self.opts.only:
                getattr(self, "bench_" + part)()

    def service_url(self, name):
        return "http://%s:%d/file?file_name=%s" % (HOST, SERVICE_PORT, name)

    def nginx_url(self, name):
        return "http://%s:%d/%s" % (HOST, NGINX_PORT, name)

    def warm(self, label, url, share, **kw):
        seconds = self.warm_seconds(share)
        log("  warming %s for %.0f s" % (label, seconds))
        r = wrk(url, seconds, **kw)
        self.warmed[label] = seconds
        return r

    def side_by_side(self, label, service_url, reference_url, service_headers=(), floor=False):
        """Rounds of wrk runs taking turns: nginx on reference_url, the floor when asked, then the service; returns
        the runs by name ("nginx", "floor", "service")."""
        runs = {"nginx": [], "floor": [], "service": []} if floor else {"nginx": [], "service": []}
        for i in range(self.opts.rounds):
            runs["nginx"].append(wrk(reference_url, self.opts.duration))
            if floor:
                runs["floor"].append(wrk(self.floor_url(), self.opts.duration, refused=True))
            runs["service"].append(wrk(service_url, self.opts.duration, token=self.token, headers=service_headers))
            service = runs["service"][-1]
            log("  round %d: %s (socket errors %d, non-2xx %d)" % (
                i + 1, ", ".join("%s %.0f req/s" % (name, runs[name][-1]["requests_per_s"])
                                 for name in ("service", "floor", "nginx") if name in runs),
                service["socket_errors"], service["non_2xx"]))
        self.details[label] = runs
        return runs

    def floor_url(self):
        """The framework's floor: an unauthenticated GET /files, answered 401 by the token filter, no store work."""
        return "http://%s:%d/files" % (HOST, SERVICE_PORT)

    def bench_small(self):
        log("== authenticated 4 KiB download vs the floor (unauthenticated GET /files: 401) and nginx"
            " (wrk -t%d -c%d)" % (WRK_THREADS, WRK_CONNECTIONS))
        self.note_load("4k")
        call("GET", "/files", expect=(401,))
        wrk(self.nginx_url("4k.bin"), 2)
        self.warm("floor", self.floor_url(), 0.1, refused=True)
        self.warm("4k", self.service_url("4k.bin"), 0.2, token=self.token)
        runs = self.side_by_side("download_4k", self.service_url("4k.bin"), self.nginx_url("4k.bin"), floor=True)
        refs, floors, svcs = runs["nginx"], runs["floor"], runs["service"]
        ratio = ratio_of(svcs, floors, "requests_per_s")
        self.result("download_4k_req_per_s", med(svcs, "requests_per_s"), "req/s", med(floors, "requests_per_s"),
                    ratio, ">= 0.8x floor", ratio >= 0.8,
                    "wrk GET /file?file_name=4k.bin with x-session-token, against the floor: GET /files without a"
                    " token (401 from the token filter), same run, same wrk settings, alternating")
        nginx_ratio = ratio_of(svcs, refs, "requests_per_s")
        self.result("download_4k_vs_nginx_req_per_s", med(svcs, "requests_per_s"), "req/s",
                    med(refs, "requests_per_s"), nginx_ratio, "(reported)", True,
                    "the same runs against nginx serving the same file (sendfile)")
        self.check_keepalive(svcs + floors)

    def check_keepalive(self, runs):
        errors = sum(r["socket_errors"] for r in runs)
        self.details.setdefault("socket_errors", 0)
        self.details["socket_errors"] += errors

    def bench_large(self):
        log("== 1 MiB binary download vs nginx")
        self.note_load("1m")
        wrk(self.nginx_url("1m.bin"), 2)
        self.warm("1m", self.service_url("1m.bin"), 0.15, token=self.token)
        runs = self.side_by_side("download_1m", self.service_url("1m.bin"), self.nginx_url("1m.bin"))
        refs, svcs = runs["nginx"], runs["service"]
        self.nginx_1m = refs
        ratio = ratio_of(svcs, refs, "requests_per_s")
        self.result("download_1m_mb_per_s", med(svcs, "requests_per_s") * MIB / 1e6, "MB/s",
                    med(refs, "requests_per_s") * MIB / 1e6, ratio, ">= 0.8x nginx", ratio >= 0.8,
                    "wrk GET 1 MiB raw; MB/s = req/s x 1 MiB")
        self.check_keepalive(svcs)

    def bench_base64(self):
        log("== 1 MiB Base64 download (Accept: text/plain), decoded MB/s vs nginx binary")
        self.note_load("base64")
        self.warm("base64", self.service_url("1m.bin"), 0.15, token=self.token, headers=["Accept: text/plain"])
        runs = self.side_by_side("download_1m_base64", self.service_url("1m.bin"), self.nginx_url("1m.bin"),
                                 service_headers=["Accept: text/plain"])
        refs, svcs = runs["nginx"], runs["service"]
        ratio = ratio_of(svcs, refs, "requests_per_s")
        self.result("download_1m_base64_decoded_mb_per_s", med(svcs, "requests_per_s") * MIB / 1e6, "MB/s",
                    med(refs, "requests_per_s") * MIB / 1e6, ratio, ">= 0.4x nginx binary", ratio >= 0.4,
                    "wrk GET 1 MiB with Accept: text/plain; decoded MB/s = req/s x 1 MiB")
        self.check_keepalive(svcs)

    def bench_list(self):
        n = self.opts.list_files
        log("== GET /files for a user with %d files (wrk -t%d -c%d --latency)" % (n, WRK_THREADS, WRK_CONNECTIONS))
        self.note_load("list")
        token = register_and_login("lister")
        started = time.monotonic()
        local = threading.local()

        def upload(i):
            if not hasattr(local, "conn"):
                local.conn = http.client.HTTPConnection(HOST, SERVICE_PORT, timeout=60)
            put_binary(token, "file-%05d.txt" % i, b"%d\n" % i, conn=local.conn)

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(upload, range(n), timeout=600))
        log("  stored %d files in %.1f s" % (n, time.monotonic() - started))
        _, body = call("GET", "/files", headers={"x-session-token": token})
        count = len(json.loads(body))
        if count != n:
            raise SystemExit("bench: /files listed %d entries, not %d" % (count, n))
        url = "http://%s:%d/files" % (HOST, SERVICE_PORT)
        self.warm("list", url, 0.25, token=token)
        runs = []
        for _ in range(self.opts.rounds):
            runs.append(wrk(url, self.opts.duration, token=token, latency=True))
            log("  %.0f req/s, p50 %.1f ms, p99 %.1f ms (socket errors %d, non-2xx %d)" % (
                runs[-1]["requests_per_s"], runs[-1]["p50_ms"], runs[-1]["p99_ms"], runs[-1]["socket_errors"],
                runs[-1]["non_2xx"]))
        self.details["list_1000"] = runs
        self.details["list_response_bytes"] = len(body)
        p50, p99 = med(runs, "p50_ms"), med(runs, "p99_ms")
        self.result("list_files_p50_ms", p50, "ms", target="(reported)", ok=True,
                    how="wrk --latency GET /files, %d files, %d connections" % (n, WRK_CONNECTIONS))
        self.result("list_files_p99_ms", p99, "ms", target="<= 25 ms", ok=p99 <= 25,
                    how="wrk --latency GET /files, %d files, %d connections" % (n, WRK_CONNECTIONS))
        self.check_keepalive(runs)

    def bench_login(self):
        log("== login p50 vs the bare Argon2id hash (m=%d, t=%d, p=%d)" % tuple(ARGON2.values()))
        self.note_load("login")
        # Warm the service's login path, bounded in count and time.
        conn = http.client.HTTPConnection(HOST, SERVICE_PORT, timeout=60)
        seconds, deadline, count = self.warm_seconds(0.15), time.monotonic() + self.warm_seconds(0.15), 0
        while time.monotonic() < deadline and count < 2000:
            call("POST", "/login", {"username": "bench", "password": PASSWORD}, conn=conn)
            count += 1
        log("  warmed login for %.0f s (%d logins)" % (seconds, count))
        self.warmed["login"] = seconds
        n, batch = self.opts.logins, 5
        # The reference runs in its own warmed JVM and takes turns with the service, batch by batch, so that a
        # burst of load elsewhere on the machine falls on both alike; the ratio is the median of the batches'.
        reference = self.argon2_server()
        refs, times, ratios = [], [], []
        try:
            deadline = time.monotonic() + 600
            while len(times) < n and time.monotonic() < deadline:
                reference.stdin.write("%d\n" % batch)
                reference.stdin.flush()
                ref_batch = [float(x) for x in reference.stdout.readline().split()]
                if len(ref_batch) != batch:
                    raise SystemExit("bench: Argon2Time stopped answering")
                svc_batch = []
                for _ in range(batch):
                    started = time.perf_counter()
                    call("POST", "/login", {"username": "bench", "password": PASSWORD}, conn=conn)
                    svc_batch.append((time.perf_counter() - started) * 1000)
                refs += ref_batch
                times += svc_batch
                ratios.append(statistics.median(svc_batch) / statistics.median(ref_batch))
        finally:
            reference.stdin.close()
            try:
                reference.wait(30)
            except subprocess.TimeoutExpired:
                reference.kill()
        conn.close()
        ratio = statistics.median(ratios)
        p50 = statistics.median(times)
        log("  service login p50 %.1f ms, bare Argon2id p50 %.1f ms, per-batch ratios %s" % (
            p50, statistics.median(refs), " ".join("%.2f" % r for r in ratios)))
        self.details["login"] = {"service_ms": times, "argon2_ms": refs, "batch_ratios": ratios}
        self.result("login_p50_ms", p50, "ms", statistics.median(refs), ratio, "<= 1.15x bare Argon2id",
                    ratio <= 1.15, "%d sequential POST /login on one keep-alive connection, in batches of %d "
                    "taking turns with bench/Argon2Time.java; ratio = median of the batches' p50 ratios"
                    % (len(times), batch))

    def bcprov_jar(self):
        jar = os.path.join(WORK, "bcprov.jar")
        if not os.path.exists(jar):
            with zipfile.ZipFile(os.path.join(ROOT, "target", "fileshare.war")) as war:
                names = [x for x in war.namelist() if re.match(r"WEB-INF/lib/bcprov-.*\.jar$", x)]
                if not names:
                    raise SystemExit("bench: no bcprov jar in target/fileshare.war")
                with war.open(names[0]) as src, open(jar, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        return jar

    def argon2_server(self):
        """Argon2Time in serve mode, warmed up, the same Bouncy Castle jar as the war's, and the same CompileCommand
        options as the service's JVM (its jvm.options): left to C2's profile, the reference too can compile the
        compression function without its inlining and take twice as long, which would flatter the service."""
        process = subprocess.Popen(
            ["java"] + self.compile_commands() + ["-cp", self.bcprov_jar(), os.path.join(ROOT, "bench", "Argon2Time.java"),
             str(ARGON2["memory_kib"]), str(ARGON2["iterations"]), str(ARGON2["parallelism"]),
             str(self.opts.argon2_warmup), "1", "serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = process.stdout.readline().strip()
        if line != "ready":
            process.kill()
            raise SystemExit("bench: Argon2Time did not start (%r)" % line)
        log("  bare Argon2id reference warmed for %.0f s in its own JVM" % self.opts.argon2_warmup)
        return process

    @staticmethod
    def compile_commands():
        """The service's -XX:CompileCommand=inline options; "quiet" first, so that the reference's first line is
        "ready" (and only inline ones: a printing command would write into the reference's answers)."""
        with open(os.path.join(SERVER_DIR, "jvm.options")) as f:
            commands = [line.strip() for line in f if line.startswith("-XX:CompileCommand=inline,")]
        return ["-XX:CompileCommand=quiet"] + commands

    def bench_upload(self):
        size = self.opts.upload_mib
        log("== %d MiB streamed binary upload vs dd conv=fdatasync and nginx's dav PUT, and RSS growth" % size)
        self.note_load("upload")
        # A 64 MiB download, its RSS growth sampled.
        dl_growth, rss_runs = [], []
        for _ in range(2):
            with RssSampler(self.liberty.pid) as rss:
                out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{size_download}",
                                      "-H", "x-session-token: " + self.token, self.service_url("64m.bin")],
                                     capture_output=True, text=True, timeout=300).stdout.split()
            if out != ["200", str(64 * MIB)]:
                raise SystemExit("bench: the 64 MiB download answered %s" % out)
            dl_growth.append(rss.growth_mib())
            rss_runs.append(dict(rss.summary(), during="download 64 MiB"))
        svc, ref, peer, up_growth = [], [], [], []
        # One untimed upload first, so that the timed ones do not include the upload path's JIT compilation.
        started = time.monotonic()
        subprocess.run(["curl", "-sS", "-o", "/dev/null", "-T", self.upload_source, "-H",
                        "Content-Type: application/octet-stream", "-H", "Expect:", "-H", "x-session-token: " + self.token,
                        self.service_url("big.bin")], check=True, capture_output=True, timeout=600)
        log("  warmed the upload path with one untimed upload (%.1f s)" % (time.monotonic() - started))
        for i in range(self.opts.upload_rounds):
            target = os.path.join(DATA, "dd-reference.bin")
            started = time.monotonic()
            subprocess.run(["dd", "if=" + self.upload_source, "of=" + target, "bs=1M", "conv=fdatasync"],
                           check=True, capture_output=True, timeout=600)
            ref.append(time.monotonic() - started)
            os.remove(target)
            peer.append(self.nginx_put(size))
            with RssSampler(self.liberty.pid) as rss:
                out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                                      "-T", self.upload_source, "-H", "Content-Type: application/octet-stream",
                                      "-H", "Expect:", "-H", "x-session-token: " + self.token,
                                      self.service_url("big.bin")],
                                     capture_output=True, text=True, timeout=600).stdout.split()
            if out[0] not in ("200", "201"):
                raise SystemExit("bench: the upload answered %s" % out)
            svc.append(float(out[1]))
            up_growth.append(rss.growth_mib())
            rss_runs.append(dict(rss.summary(), during="upload %d MiB" % size))
            log("  round %d: service %.2f s (%.0f MB/s), dd %.2f s (%.0f MB/s), nginx PUT %.2f s (%.0f MB/s),"
                " RSS growth %.1f MiB" % (i + 1, svc[-1], size * MIB / 1e6 / svc[-1], ref[-1], size * MIB / 1e6 / ref[-1],
                                          peer[-1], size * MIB / 1e6 / peer[-1], up_growth[-1]))
        mb = size * MIB / 1e6
        ratio = statistics.median(ref) / statistics.median(svc)
        self.details["upload"] = {"service_s": svc, "dd_s": ref, "nginx_put_s": peer, "mib": size}
        self.result("upload_%dm_mb_per_s" % size, mb / statistics.median(svc), "MB/s", mb / statistics.median(ref),
                    ratio, ">= 0.9x dd", ratio >= 0.9,
                    "curl -T (PUT octet-stream) vs dd bs=1M conv=fdatasync into the data dir, alternating, median of %d"
                    % len(svc))
        peer_ratio = statistics.median(peer) / statistics.median(svc)
        self.result("upload_%dm_vs_nginx_put_mb_per_s" % size, mb / statistics.median(svc), "MB/s",
                    mb / statistics.median(peer), peer_ratio, "(reported)", True,
                    "the same uploads against curl -T to nginx (dav_methods PUT: the body written to a temporary file"
                    " on the same file system and renamed, no fsync), alternating, median of %d" % len(peer))
        self.details["rss"] = {"download_64m_growth_mib": dl_growth, "upload_growth_mib": up_growth,
                               "runs": rss_runs}
        self.result("rss_growth_upload_mib", max(up_growth), "MiB", target="<= 64 MiB", ok=max(up_growth) <= 64,
                    how="max VmRSS minus baseline, sampled every 50 ms, during a %d MiB upload" % size)
        self.result("rss_growth_download_64m_mib", max(dl_growth), "MiB", target="<= 64 MiB",
                    ok=max(dl_growth) <= 64, how="max VmRSS minus baseline, every 50 ms, during a 64 MiB download")

    def nginx_put(self, size):
        """Seconds nginx takes to receive the upload source by a streamed PUT; the file is checked, then removed."""
        out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                              "-T", self.upload_source, "-H", "Content-Type: application/octet-stream",
                              "-H", "Expect:", self.nginx_url("put/big.bin")],
                             capture_output=True, text=True, timeout=600).stdout.split()
        stored = os.path.join(PUT_DIR, "big.bin")
        if out[0] not in ("201", "204") or os.path.getsize(stored) != size * MIB:
            raise SystemExit("bench: nginx's PUT answered %s" % out)
        os.remove(stored)
        return float(out[1])

    def bench_startup(self):
        log("== start to /health/ready, median of %d starts" % self.opts.starts)
        self.note_load("startup")
        times = []
        for _ in range(self.opts.starts):
            self.liberty.stop()
            time.sleep(1)
            times.append(self.liberty.start())
            log("  ready after %.2f s" % times[-1])
        self.details["startup_s"] = times
        p50 = statistics.median(times)
        self.result("startup_to_ready_s", p50, "s", target="<= 6 s", ok=p50 <= 6,
                    how="`server run` to the first 200 from /health/ready (polled every 20 ms), median")
        self.rss_fresh_jvm()

    def rss_fresh_jvm(self):
        """RSS growth again, on the just-started JVM: its heap has not yet been grown by the benchmark's traffic,
        so buffering a file would show here even where a warm heap could hide it."""
        log("== RSS growth on a freshly started JVM (no warm-up)")
        token = register_and_login("bench")
        growth = {}
        with RssSampler(self.liberty.pid) as rss:
            out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                                  "-H", "x-session-token: " + token, self.service_url("64m.bin")],
                                 capture_output=True, text=True, timeout=300).stdout
        growth["download_64m"] = (rss.growth_mib(), rss.summary(), out)
        with RssSampler(self.liberty.pid) as rss:
            out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-T", self.upload_source,
                                  "-H", "Content-Type: application/octet-stream", "-H", "Expect:",
                                  "-H", "x-session-token: " + token, self.service_url("big-fresh.bin")],
                                 capture_output=True, text=True, timeout=600).stdout
        growth["upload"] = (rss.growth_mib(), rss.summary(), out)
        self.details["rss_fresh_jvm"] = growth
        for name, (mib, summary, status) in growth.items():
            if status not in ("200", "201"):
                raise SystemExit("bench: %s on the fresh JVM answered %s" % (name, status))
            log("  %s: RSS %.0f -> max %.0f MiB" % (name, summary["baseline_mib"], summary["max_mib"]))
        self.result("rss_growth_upload_fresh_jvm_mib", growth["upload"][0], "MiB", target="<= 64 MiB",
                    ok=growth["upload"][0] <= 64,
                    how="as above, %d MiB upload, first requests after a start (JIT and heap still growing)"
                    % self.opts.upload_mib)
        self.result("rss_growth_download_64m_fresh_jvm_mib", growth["download_64m"][0], "MiB", target="<= 64 MiB",
                    ok=growth["download_64m"][0] <= 64,
                    how="as above, 64 MiB download, first requests after a start")

    def close(self):
        self.liberty.stop()
        self.nginx.stop()


def write_random(path, size):
    with open(path, "wb") as f:
        left = size
        while left > 0:
            chunk = min(left, 4 * MIB)
            f.write(os.urandom(chunk))
            left -= chunk
    os.chmod(path, 0o644)


def med(runs, key):
    return statistics.median(r[key] for r in runs)


def ratio_of(svcs, refs, key):
    return statistics.median(s[key] / r[key] for s, r in zip(svcs, refs))


def fmt(x):
    return "%.1f" % x if isinstance(x, float) else str(x)


def table(results):
    rows = [("metric", "service", "reference", "ratio", "target", "")]
    for r in results:
        rows.append((r["name"], "%s %s" % (fmt(r["value"]), r["unit"]),
                     fmt(r["reference"]) if r["reference"] is not None else "-",
                     "%.2f" % r["ratio"] if r["ratio"] is not None else "-",
                     r["target"], "ok" if r["met"] else "MISSED"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows)


def git_commit():
    try:
        return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip() + ("+dirty" if subprocess.run(
                                  ["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                                  capture_output=True, text=True).stdout.strip() else "")
    except OSError:
        return None


def main():
    p = argparse.ArgumentParser(prog="bench/run.sh", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true",
                   help="smoke run: 10 s warm-up, 3 s measurements, 64 MiB upload, 200 files, 1 start; figures not meaningful")
    p.add_argument("--warmup", type=float, default=None,
                   help="total JIT warm-up seconds of the service, shared among the endpoints (default 120)")
    p.add_argument("--duration", type=float, default=None, help="seconds per wrk measurement (default 10)")
    p.add_argument("--rounds", type=int, default=None, help="reference/service rounds per figure, alternating (default 3)")
    p.add_argument("--upload-mib", type=int, default=None, help="upload size in MiB (default 512)")
    p.add_argument("--list-files", type=int, default=None, help="files of the listing user (default 1000)")
    p.add_argument("--logins", type=int, default=None, help="timed logins (default 40)")
    p.add_argument("--argon2-warmup", type=float, default=None,
                   help="seconds the bare Argon2 reference warms up in its own JVM (default 8)")
    p.add_argument("--starts", type=int, default=None, help="timed starts (default 3)")
    p.add_argument("--only", default=",".join(PARTS),
                   help="the parts to run, comma-separated, of: %s (default all)" % ", ".join(PARTS))
    p.add_argument("--out", default=os.path.join(WORK, "results.json"), help="the JSON file to write")
    opts = p.parse_args()
    quick = dict(warmup=10, duration=3, rounds=1, upload_mib=64, list_files=200, logins=10, starts=1,
                 argon2_warmup=3)
    full = dict(warmup=120, duration=10, rounds=3, upload_mib=512, list_files=1000, logins=40, starts=3,
                argon2_warmup=8)
    for k, v in (quick if opts.quick else full).items():
        if getattr(opts, k) is None:
            setattr(opts, k, v)
    opts.upload_rounds = 1 if opts.quick else 3
    opts.only = opts.only.split(",")
    unknown = [x for x in opts.only if x not in PARTS]
    if unknown:
        p.error("--only: unknown part(s) %s; the parts are %s" % (", ".join(unknown), ", ".join(PARTS)))
    for name, lo, hi in (("warmup", 0, 3600), ("duration", 1, 600), ("rounds", 1, 10), ("upload_mib", 1, 8192),
                         ("list_files", 1, 100000), ("logins", 2, 1000), ("starts", 1, 10), ("argon2_warmup", 0, 600)):
        if not lo <= getattr(opts, name) <= hi:
            p.error("--%s must be within %s..%s" % (name.replace("_", "-"), lo, hi))

    os.makedirs(WORK, exist_ok=True)
    bench = Bench(opts)

    def on_signal(signum, frame):
        raise SystemExit("bench: interrupted by signal %d" % signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    started = datetime.datetime.now(datetime.timezone.utc)
    uptime_before = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    log("bench: %s; nproc %d; warm-up %.0f s total, %.0f s per measurement, %d round(s)" % (
        uptime_before, os.cpu_count(), opts.warmup, opts.duration, opts.rounds))
    try:
        bench.run()
    finally:
        bench.close()
    uptime_after = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    loads = [l["loadavg"][0] for l in bench.loads]
    report = {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(["bench/run.sh"] + sys.argv[1:]),
        "commit": git_commit(),
        "machine": {"nproc": os.cpu_count(), "uptime_before": uptime_before, "uptime_after": uptime_after,
                    "loadavg_1m_during": {"min": min(loads), "max": max(loads), "samples": bench.loads},
                    "mem_total_kib": meminfo("MemTotal")},
        "settings": {"quick": opts.quick, "only": opts.only, "warmup_total_s": opts.warmup, "warmed_s": bench.warmed,
                     "duration_s": opts.duration, "rounds": opts.rounds, "wrk": "-t%d -c%d" % (
                         WRK_THREADS, WRK_CONNECTIONS), "upload_mib": opts.upload_mib,
                     "list_files": opts.list_files, "logins": opts.logins, "starts": opts.starts,
                     "argon2": ARGON2, "service_port": SERVICE_PORT, "nginx_port": NGINX_PORT},
        "results": bench.results,
        "details": bench.details,
        "all_targets_met": all(r["met"] for r in bench.results) and len(opts.only) == len(PARTS),
    }
    os.makedirs(os.path.dirname(os.path.abspath(opts.out)), exist_ok=True)
    with open(opts.out, "w") as f:
        json.dump(report, f, indent=2)
    log("")
    log(table(bench.results))
    log("")
    log("socket errors in all measured wrk runs: %d (keep-alive holds when 0)" % bench.details.get("socket_errors", 0))
    log("warmed: " + ", ".join("%s %.0f s" % kv for kv in bench.warmed.items()))
    log("machine: nproc %d; 1-min load during the run %.2f..%.2f; %s" % (
        os.cpu_count(), min(loads), max(loads), uptime_after))
    log("results: " + opts.out)
    return 0


def meminfo(key):
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return None


if __name__ == "__main__":
    sys.exit(main())
