#!/usr/bin/env bash
# `herald serve` end to end (issue 17): a real server on loopback over a store filled by
# `herald ingest`; a smoke test of the API; graceful shutdown on SIGTERM with an ingest in
# flight (the request completes, its articles are stored, exit status 0); and a bounded load
# test (32 clients, LOAD_SECONDS, default 20 in CI; docs/performance.md has the 60 s figures)
# that fails on any error other than deliberate 429s, on POST /v1/code latency above the
# committed ceilings, or when the server's RSS grows by more than a tenth after the warm-up.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Committed ceilings for POST /v1/code under the CI load (2 cores shared with the load
# generator). The targets of issue 17 are p50 <= 20 ms, p99 <= 100 ms; CI machines are shared,
# hence the margin (see docs/performance.md for the quiet-machine figures).
CODE_P50_MS=40
CODE_P99_MS=200
LOAD_SECONDS=${LOAD_SECONDS:-20}

bin=target/release/herald
cargo build --release --locked -q -p herald-server --example loadgen
loadgen=target/release/examples/loadgen
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A corpus of real-looking articles (the bench generator) for ingest and for the load.
python3 bench/herald_bench.py corpus --out "$work/corpus.jsonl" --size-mb 1 >/dev/null
$bin ingest --db "$work/events.db" "$work/corpus.jsonl" examples/articles.jsonl 2>"$work/ingest.err" \
  || { cat "$work/ingest.err"; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_server() {
  $bin serve --db "$work/events.db" --addr "127.0.0.1:$port" --threads 2 2>>"$work/serve.err" &
  server=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "the server did not answer /healthz"; cat "$work/serve.err"; exit 1
}
start_server

echo "-- smoke"
health=$(curl -sf "http://127.0.0.1:$port/healthz")
echo "$health"
python3 - "$port" <<'PY'
import json, sys, urllib.request, urllib.error
base = f"http://127.0.0.1:{sys.argv[1]}"
def call(path, body=None):
    req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                 headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
s, b = call("/v1/code", {"articles": [{"id": "smoke", "text": open("examples/defense-visit.txt").read(),
                                        "date": "2014-09-15"}]})
assert s == 200, (s, b)
events = json.loads(b)["events"]
assert any(e["cameo"] == "042" and e["source"]["code"] == "CHNMIL" for e in events), events
s, b = call("/v1/events?country=KAZ&limit=5")
assert s == 200 and json.loads(b)["events"], (s, b)
for path, status in [("/v1/events?root=xyz", 400), ("/v1/events/none", 404), ("/nope", 404)]:
    s, b = call(path)
    assert s == status and json.loads(b)["error"]["status"] == status, (path, s, b)
s, b = call("/v1/openapi.json")
assert s == 200 and "paths" in json.loads(b)
print("smoke ok:", len(events), "events for the example")
PY

echo "-- load: 32 clients, ${LOAD_SECONDS} s"
# Warm-up at the same load (the blocking threads, their allocator heaps, the page cache: RSS
# rises about 60 MB in the first seconds, then stays within a few MB; docs/performance.md), then
# the measured run.
$loadgen "127.0.0.1:$port" "$work/corpus.jsonl" --clients 32 --seconds 10 >/dev/null
$loadgen "127.0.0.1:$port" "$work/corpus.jsonl" --clients 32 --seconds "$LOAD_SECONDS" --pid "$server" \
  | tee "$work/load.json"
python3 - "$work/load.json" "$CODE_P50_MS" "$CODE_P99_MS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); p50max, p99max = float(sys.argv[2]), float(sys.argv[3])
fail = []
if r["errors"]:
    fail.append(f"{r['errors']} errors")
if r["code"]["ok"] == 0:
    fail.append("no POST /v1/code succeeded")
if r["code"]["p50_ms"] > p50max:
    fail.append(f"POST /v1/code p50 {r['code']['p50_ms']:.1f} ms > {p50max}")
if r["code"]["p99_ms"] > p99max:
    fail.append(f"POST /v1/code p99 {r['code']['p99_ms']:.1f} ms > {p99max}")
if r["rss_kb_start"] and r["rss_kb_end"] > r["rss_kb_start"] * 1.10:
    fail.append(f"RSS grew from {r['rss_kb_start']} KB to {r['rss_kb_end']} KB")
print("load:", "; ".join(fail) if fail else "ok")
sys.exit(1 if fail else 0)
PY

echo "-- graceful shutdown with an ingest in flight"
python3 - "$port" "$work/corpus.jsonl" "$server" <<'PY'
import json, os, signal, sys, threading, time, urllib.request
port, corpus, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
arts = [json.loads(l) for l in open(corpus)][:150]
for i, a in enumerate(arts):
    a["id"] = f"shutdown-{i}"
body = json.dumps({"articles": arts, "store": True}).encode()
result = {}
def post():
    req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/code", data=body,
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        result["status"] = r.status
        result["events"] = len(json.loads(r.read())["events"])
t = threading.Thread(target=post); t.start()
time.sleep(0.3)
os.kill(pid, signal.SIGTERM)
t.join()
assert result.get("status") == 200, result
print("the in-flight ingest finished:", result)
PY
wait "$server"; rc=$?
server=
[ "$rc" = 0 ] || { echo "serve exited $rc after SIGTERM"; exit 1; }
stored=$($bin check --db "$work/events.db" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r.get("articles", "?"))' || true)
echo "articles in the store after shutdown: $stored"
start_server
n=$(curl -sf "http://127.0.0.1:$port/v1/articles/shutdown-149" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
[ "$n" = "shutdown-149" ] || { echo "the last article of the in-flight ingest is missing"; exit 1; }
echo "serve check passed"
