#!/usr/bin/env bash
# PETRARCH compatibility (issue 4): runs PETRARCH's unit-test records from raw text and from their
# Penn Treebank parses, and loads the Phoenix dictionaries; fails below the committed thresholds.
# Prints its figures either way. Thresholds are what was reached when they were set: ratchet them
# up, never down.
set -euo pipefail
cd "$(dirname "$0")/../.."

SHARED=${HERALD_SHARED:-../shared}
VAL=$SHARED/data/petrarch/validation/PETR.UnitTest.records.xml
PHOENIX=$SHARED/data/petrarch/phoenix

# --- thresholds -------------------------------------------------------------------------------
MIN_PASS_RAW=259         # records passing from raw text (of 284; the target, 90%, is 256)
MIN_PASS_PARSE=270       # records passing with --use-parse (the target, 95%, is 270)
MAX_LOAD_MS=2000         # Phoenix dictionaries, first load, one core
MAX_SKIPPED=22           # Phoenix entries skipped (all listed by --load-only; see docs/petrarch.md)
# -----------------------------------------------------------------------------------------------

if [[ ! -f $VAL || ! -d $PHOENIX ]]; then
    echo "petrarch: $VAL or $PHOENIX missing" >&2
    exit 1
fi

cargo build --release -p herald-cli >&2
BIN=target/release/herald
ONE_CORE=()
command -v taskset >/dev/null && ONE_CORE=(taskset -c 0)

fail=0
check() { # name value op limit
    if [ "$2" "$3" "$4" ]; then
        echo "petrarch: ok   $1 = $2 ($3 $4)"
    else
        echo "petrarch: FAIL $1 = $2 (must be $3 $4)"
        fail=1
    fi
}

passed_of() { sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p' | tail -1; }

echo "== validate from raw text"
raw_out=$("${ONE_CORE[@]}" "$BIN" validate "$VAL" --quiet 2>/dev/null)
echo "$raw_out" | sed -n '/^category/,$p'
raw=$(echo "$raw_out" | passed_of)

echo "== validate --use-parse"
parse_out=$("${ONE_CORE[@]}" "$BIN" validate "$VAL" --use-parse --quiet 2>/dev/null)
echo "$parse_out" | sed -n '/^category/,$p'
parse=$(echo "$parse_out" | passed_of)

echo "== Phoenix dictionaries"
load_out=$("${ONE_CORE[@]}" "$BIN" validate --load-only "$PHOENIX")
head -1 <<<"$load_out"
load_ms=$(head -1 <<<"$load_out" | sed -nE 's/.* in ([0-9]+) ms.*/\1/p')
skipped=$(head -1 <<<"$load_out" | sed -nE 's/.*; ([0-9]+) skipped$/\1/p')

check "passed from raw text" "${raw:-0}" -ge $MIN_PASS_RAW
check "passed with --use-parse" "${parse:-0}" -ge $MIN_PASS_PARSE
check "Phoenix load ms" "${load_ms:-999999}" -le $MAX_LOAD_MS
check "Phoenix skipped entries" "${skipped:-999999}" -le $MAX_SKIPPED
exit $fail
