#!/usr/bin/env bash
# Short fuzzing run (issue 19): builds the cargo-fuzz targets of fuzz/ with nightly and runs each
# for FUZZ_SECONDS (default 15) from its committed seeds (fuzz/corpus/<target>) plus what earlier
# runs found (target/fuzz-corpus/<target>, not committed). Fails when any target crashes, breaks
# one of its invariants, times out (10 s for one input) or runs out of memory (2 GB); the input is
# kept in fuzz/artifacts/<target>/. About 4 minutes of fuzzing plus the build (3-4 minutes from
# clean on 2 cores). Long campaigns: docs/fuzzing.md.
#
#   .ci/checks/fuzz.sh [TARGET...]      FUZZ_SECONDS=60 FUZZ_JOBS=2 .ci/checks/fuzz.sh
#
# Needs the nightly toolchain and cargo-fuzz (installed from crates.io when missing). Built
# without a sanitizer (-s none): Herald's only unsafe code is a prefetch hint, and safe Rust
# needs none to catch memory errors; debug assertions and overflow checks are on.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-15}
jobs=${FUZZ_JOBS:-1}

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: the nightly toolchain is required (rustup toolchain install nightly)" >&2
  exit 1
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked -q
fi

# libFuzzer dictionary of each target (fuzz/dict/*.dict): tokens worth inserting whole.
dict_of() {
  case "$1" in
    text_*|pipeline|read_text|read_sniffed) echo text ;;
    read_jsonl) echo jsonl ;;
    read_petrarch) echo xml ;;
    penn) echo penn ;;
    dict_toml) echo toml ;;
    dict_*) echo petrarch_dict ;;
    *) echo "" ;;
  esac
}

cargo +nightly fuzz build -s none >/dev/null
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

run_one() {
  local t=$1 d
  d=$(dict_of "$t")
  mkdir -p "target/fuzz-corpus/$t" "fuzz/corpus/$t"
  local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
  [ -n "$d" ] && args+=(-dict="fuzz/dict/$d.dict")
  local log="target/fuzz-logs/$t.log"
  mkdir -p target/fuzz-logs
  if cargo +nightly fuzz run -s none "$t" "target/fuzz-corpus/$t" "fuzz/corpus/$t" -- "${args[@]}" \
    >"$log" 2>&1; then
    local runs
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: $t ok, $runs executions in ${seconds} s"
  else
    echo "fuzz: $t FAILED (log $log):"
    grep -E 'panicked at|ERROR: libFuzzer|Test unit written|SUMMARY' "$log" | head -6 | sed 's/^/  /'
    return 1
  fi
}

status=0
pids=()
for t in "${targets[@]}"; do
  if [ "$jobs" -le 1 ]; then
    run_one "$t" || status=1
  else
    run_one "$t" &
    pids+=($!)
    if [ "${#pids[@]}" -ge "$jobs" ]; then
      wait "${pids[0]}" || status=1
      pids=("${pids[@]:1}")
    fi
  fi
done
for p in "${pids[@]}"; do
  wait "$p" || status=1
done
if [ $status -ne 0 ]; then
  echo "fuzz: FAIL (reproduce: cargo +nightly fuzz run -s none TARGET fuzz/artifacts/TARGET/FILE)"
  exit 1
fi
echo "fuzz: ok (${#targets[@]} targets, ${seconds} s each)"
