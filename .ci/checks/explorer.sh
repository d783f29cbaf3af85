#!/usr/bin/env bash
# The explorer (issue 18): drives headless Chromium through every view of the web page that
# `herald serve` serves at / (explorer/tests/test_explorer.py, pytest + selenium), against a
# temporary database with the bundled examples ingested. Until `herald serve` exists, the same tests
# run against the development mock server (explorer/dev/mock_server.py), and the check says so.
# Installs Debian's chromium and chromium-driver when missing; the Python packages go into a
# virtual environment under target/. Screenshots of each view at 1280 and 390 px wide land in
# target/explorer-screenshots/. About a minute once Chromium is installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "explorer.sh: installing chromium and chromium-driver"
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
fi

venv="$root/target/explorer-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q -r explorer/tests/requirements.txt

tmp=$(mktemp -d)
shots="$root/target/explorer-screenshots"
rm -rf "$shots"
mkdir -p "$shots"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
herald="$root/target/release/herald"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ -x "$herald" ] && "$herald" serve --help >/dev/null 2>&1; then
  against="herald serve"
  "$herald" ingest --db "$tmp/events.db" examples/*.jsonl examples/defense-visit.txt
  "$herald" serve --db "$tmp/events.db" --addr "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
  pid=$!
else
  against="the mock server"
  echo "explorer.sh: NOTE: target/release/herald has no 'serve' subcommand yet, so the browser tests run" \
       "against the mock server (explorer/dev/mock_server.py), not herald serve"
  mock_args=(--addr "127.0.0.1:$port" --quiet)
  [ -x "$herald" ] && mock_args+=(--herald "$herald")
  python3 explorer/dev/mock_server.py "${mock_args[@]}" >"$tmp/server.log" 2>&1 &
  pid=$!
fi

up=""
for _ in $(seq 1 120); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1] + '/healthz', timeout=2)" "$base" 2>/dev/null; then
    up=1
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.5
done
if [ -z "$up" ]; then
  echo "explorer.sh: FAIL $against did not answer /healthz at $base"
  cat "$tmp/server.log"
  exit 1
fi
echo "explorer.sh: testing the explorer against $against at $base"

start=$(date +%s)
set +e
BASE_URL="$base" SCREENSHOT_DIR="$shots" "$venv/bin/python" -m pytest explorer/tests -q -p no:cacheprovider
rc=$?
set -e
echo "explorer.sh: browser tests against $against in $(( $(date +%s) - start )) s (exit $rc); screenshots in $shots"
if [ "$rc" -eq 5 ]; then
  echo "explorer.sh: FAIL pytest collected no tests"
  exit 1
elif [ "$rc" -ne 0 ]; then
  echo "explorer.sh: server log:"
  tail -n 40 "$tmp/server.log"
  exit "$rc"
fi
