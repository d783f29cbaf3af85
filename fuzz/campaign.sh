#!/usr/bin/env bash
# A long fuzzing campaign (docs/fuzzing.md): runs the targets in turn, SLICE seconds each, for
# ROUNDS rounds, at the lowest priority (nice 19, one fuzzer at a time), and appends one line per
# run to target/fuzz-campaign/runs.tsv: round, target, max_len, seconds, executions, corpus
# size, and what stopped it (ok, crash, timeout, oom, or stalled: a timeout whose input runs in
# under 10 s when run again alone) with the input kept. A target that crashes
# is restarted in the next round, so one find does not end the campaign.
#
#   fuzz/campaign.sh [--rounds N] [--slice SECONDS] [--max-len BYTES] [TARGET...]
#
# Corpora grow in target/fuzz-corpus/<target> (not committed); seeds come from fuzz/corpus.
set -uo pipefail
cd "$(dirname "$0")/.."

rounds=1
slice=300
max_len=4096
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift ;;
    --slice) slice=$2; shift ;;
    --max-len) max_len=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) targets+=("$1") ;;
  esac
  shift
done

cargo +nightly fuzz build -s none >/dev/null 2>&1 || { echo "campaign: build failed" >&2; exit 1; }
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
bin=fuzz/target/x86_64-unknown-linux-gnu/release
out=target/fuzz-campaign
mkdir -p "$out/logs" "$out/artifacts"
[ -s "$out/runs.tsv" ] || printf 'round\ttarget\tmax_len\tseconds\texecutions\tcorpus\tresult\tinput\n' >"$out/runs.tsv"

dict_of() {
  case "$1" in
    text_*|pipeline|read_text|read_sniffed) echo text ;;
    read_jsonl) echo jsonl ;;
    read_petrarch) echo xml ;;
    penn) echo penn ;;
    dict_toml) echo toml ;;
    dict_*) echo petrarch_dict ;;
  esac
}

for round in $(seq 1 "$rounds"); do
  for t in "${targets[@]}"; do
    mkdir -p "target/fuzz-corpus/$t"
    log="$out/logs/$t-r$round-$max_len.log"
    d=$(dict_of "$t")
    args=(-max_total_time="$slice" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len"
          -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-")
    [ -n "$d" ] && args+=(-dict="fuzz/dict/$d.dict")
    start=$(date +%s)
    dirs=("target/fuzz-corpus/$t")
    # Targets built on `arbitrary` (read_petrarch_records, pipeline_record) have no seeds.
    [ -d "fuzz/corpus/$t" ] && dirs+=("fuzz/corpus/$t")
    nice -n 19 "$bin/$t" "${dirs[@]}" "${args[@]}" >"$log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    if [ -z "$execs" ]; then
      # Crashed runs print no final stats: take the last progress line's count.
      execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    fi
    corpus=$(find "target/fuzz-corpus/$t" -type f | wc -l)
    result=ok
    input=""
    if [ $rc -ne 0 ]; then
      input=$(grep -o 'Test unit written to [^ ]*' "$log" | tail -1 | awk '{print $5}')
      case "$input" in
        *timeout-*)
          result=timeout
          # libFuzzer's timeout is wall-clock time, and at nice 19 on a busy machine a fuzzer
          # can wait longer than that for a core (the pipeline targets load the model on their
          # first input). A timeout counts only if the input, run again alone at normal
          # priority, still takes over 10 s; otherwise it is recorded as `stalled`.
          if [ -n "$input" ] && timeout 10 "$bin/$t" "$input" >/dev/null 2>&1; then
            result=stalled
          fi
          ;;
        *oom-*) result=oom ;;
        *) result=crash ;;
      esac
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$t" "$max_len" "$secs" "${execs:-0}" \
      "$corpus" "$result" "$input" >>"$out/runs.tsv"
    echo "campaign: round $round $t: ${execs:-0} executions in $secs s, $result $input"
  done
done
