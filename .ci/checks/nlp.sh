#!/usr/bin/env bash
# herald-nlp: tagging and parsing accuracy of the bundled model on the UD English EWT and GUM
# test sets (gold tokenization), throughput, and segmentation/tokenization from raw text (EWT, GUM).
# Fails when a figure is below its threshold. Thresholds sit a little below the committed
# model's figures (docs/nlp.md). The timing figures are loose because CI machines are shared:
# throughput is checked as tokens_per_cpu_sec (tokens_per_sec scaled by the evaluation's wall over
# its thread CPU time, i.e. with time spent waiting for a core taken out) at about half the
# quiet-machine figure (110-125k; 77k per CPU second at load average 6), load_ms at twice the issue's
# 300 ms target (quiet machine: 80-90 ms; 304 ms was seen with three builds running on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
TB=../shared/data/treebanks
cargo build --release --locked -q -p herald-cli
BIN=target/release/herald
status=0

# check NAME JSON KEY=MIN... (KEY<=MAX for an upper bound)
check() {
  local name=$1 json=$2
  shift 2
  echo "$name: $json"
  for pair in "$@"; do
    local key op bound val
    if [[ $pair == *"<="* ]]; then
      key=${pair%%<=*} op="<=" bound=${pair#*<=}
    else
      key=${pair%%=*} op=">=" bound=${pair#*=}
    fi
    val=$(printf '%s' "$json" | sed -n "s/.*\"$key\":\([0-9.eE+-]*\).*/\1/p")
    if [ -z "$val" ]; then
      echo "  FAIL $key missing"
      status=1
    elif awk -v v="$val" -v b="$bound" -v op="$op" \
      'BEGIN { exit !(op == ">=" ? v + 0 >= b + 0 : v + 0 <= b + 0) }'; then
      echo "  ok   $key $val $op $bound"
    else
      echo "  FAIL $key $val not $op $bound"
      status=1
    fi
  done
}

ewt=$("$BIN" nlp eval --treebank "$TB/en_ewt/en_ewt-ud-test.conllu")
check "EWT test" "$ewt" upos=95.2 xpos=94.5 uas=85.9 las=83.0 tokens_per_cpu_sec=50000 'load_ms<=600' sentences=2077
gum=$("$BIN" nlp eval --treebank "$TB/en_gum_ccby/en_gum-ud-test.conllu")
check "GUM test" "$gum" upos=96.0 xpos=95.8 uas=84.5 las=81.7
raw=$("$BIN" nlp eval --raw --treebank "$TB/en_ewt/en_ewt-ud-test.conllu")
check "EWT test, raw text" "$raw" token_f1=98.0 sentence_f1=88.4 upos=93.5 uas=82.5
gumraw=$("$BIN" nlp eval --raw --treebank "$TB/en_gum_ccby/en_gum-ud-test.conllu")
check "GUM test, raw text" "$gumraw" token_f1=98.6 sentence_f1=95.2

# Reproducible training: `cargo test` trains a tiny model twice against pinned bytes
# (training_is_reproducible_byte_for_byte). This check also retrains the bundled model with the
# defaults (4-10 minutes on 2 cores) and requires the committed bytes; NLP_RETRAIN=0 skips that.
if [ "${NLP_RETRAIN:-1}" = 1 ]; then
  tmp=$(mktemp -d)
  if "$BIN" nlp train --out "$tmp/en.bin" >/dev/null 2>"$tmp/train.log" &&
    cmp -s "$tmp/en.bin" crates/herald-nlp/model/en.bin; then
    echo "retrain: ok, byte-identical to crates/herald-nlp/model/en.bin"
  else
    tail -3 "$tmp/train.log"
    echo "  FAIL retrain differs from crates/herald-nlp/model/en.bin"
    status=1
  fi
  rm -rf "$tmp"
fi
exit $status
