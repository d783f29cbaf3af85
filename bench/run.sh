#!/usr/bin/env bash
# Herald throughput benchmark: `herald code` end to end on a realistic corpus.
#
#   bench/run.sh [--quick] [--size MB] [--runs N] [--threads N] [--json FILE] [--no-build] [--no-parse]
#
# Builds target/release/herald, builds a JSONL corpus of >= 100 MB (default) in a temporary
# folder from the treebank texts and the GigaWord sample in ../shared (read in place, never
# copied into the repository) and examples/*.txt, runs `herald code --stats` on it with 1 thread and
# with all cores (median of several runs), measures peak RSS (GNU time) and start-up time, prints
# a table and writes the figures as JSON (default target/bench/results.json, or --json FILE).
# --quick: a ~1 minute version (3 MB, 3 runs each, 3 start-up runs). --no-parse: pass
# --no-parse to herald (coding by word order, to separate the parser's cost). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

size=100
runs=3
startup_runs=5
threads=$(nproc)
json=target/bench/results.json
build=1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) size=3; runs=3; startup_runs=3; json=target/bench/quick.json ;;
    --size) size=$2; shift ;;
    --runs) runs=$2; shift ;;
    --threads) threads=$2; shift ;;
    --json) json=$2; shift ;;
    --no-build) build=0 ;;
    --no-parse) extra+=(--no-parse) ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

command -v python3 >/dev/null || { echo "bench/run.sh: python3 is required" >&2; exit 2; }
[ -d ../shared/data/treebanks ] || { echo "bench/run.sh: ../shared/data not found" >&2; exit 2; }

# GNU time gives peak RSS; install it when missing and we may (root with apt-get).
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing GNU time for peak RSS" >&2
    apt-get install -y -qq time >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } ||
      echo "bench/run.sh: could not install GNU time; peak RSS will be missing" >&2
  else
    echo "bench/run.sh: /usr/bin/time missing; peak RSS will be missing" >&2
  fi
fi

if [ "$build" = 1 ]; then
  cargo build --release --locked -q -p herald-cli
fi
bin=target/release/herald
[ -x "$bin" ] || { echo "bench/run.sh: $bin not built" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/herald-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Run a private copy: others may rebuild target/release/herald while the benchmark runs.
cp "$bin" "$tmp/herald"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 bench/herald_bench.py corpus --out "$tmp/corpus.jsonl" --size-mb "$size"
python3 bench/herald_bench.py run --binary "$tmp/herald" --corpus "$tmp/corpus.jsonl" \
  --runs "$runs" --startup-runs "$startup_runs" --threads "$threads" --json "$json" \
  ${extra[@]+"${extra[@]}"}
