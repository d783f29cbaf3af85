#!/usr/bin/env bash
# Herald scaling checks (issue 7 item 3): does `herald code` run in time proportional to its
# input? Each case runs at two sizes a factor (default 4) apart and reports the time ratio
# (linear = ~4x) and peak RSS:
#   - one long sentence: 5,000 and 20,000 tokens (1 thread)
#   - one big article: 2.5 and 10 MB (1 thread, --max-article-bytes)
#   - many small articles: 250,000 and 1,000,000 JSONL lines of distinct text (all cores)
#   - copies of one story: 2,500 and 10,000 identical articles (all cores, story grouping on)
#   - a dictionary of 100,000 and 400,000 synthetic [[person]] actors (--dict DIR
#     --with-defaults): start-up time, and coding time on a 2 MB corpus (1 thread)
#   - one TOML file of 2,000 and 8,000 actors: start-up
#   - the benchmark corpus at 5 and 20 MB (all cores): is peak RSS flat in input size?
#
#   bench/scaling.sh [--no-build] [--runs N] [--factor F]
#                    [--cases sentence,article,lines,copies,dict,dictfile,corpus]
#
# Inputs are generated in a temporary folder; figures go to target/bench/scaling.json.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --runs|--factor|--cases|--json|--lines|--tokens|--article-mb|--actors|--file-actors|--corpus-mb|--copies|--lines-args)
      args+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench/scaling.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
command -v python3 >/dev/null || { echo "bench/scaling.sh: python3 is required" >&2; exit 2; }
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get install -y -qq time >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } || true
fi
if [ "$build" = 1 ]; then
  cargo build --release --locked -q -p herald-cli
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/herald-scaling.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Run a private copy: others may rebuild target/release/herald while the checks run.
cp target/release/herald "$tmp/herald"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 bench/herald_bench.py scaling --binary "$tmp/herald" --tmp "$tmp" \
  --json target/bench/scaling.json "${args[@]}"
