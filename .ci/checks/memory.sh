#!/usr/bin/env bash
# Memory on one huge article (issue 19): builds an 8 MB article from the bundled examples (their
# texts over and over, each copy's sentences numbered so that they are not repeats of the first
# copy's, which would skip tagging and coding) and fails when the peak RSS of `herald code` on it
# exceeds 250 MB, or when it codes no events; then the same for the text as one JSON Lines record.
# Measured 2026-12-06 on the machine of bench.sh: 213 MB (JSON Lines 214 MB), of which about 182
# MB is Herald itself (model, dictionaries, gazetteer: the same on a one-line article); 240 and
# 257 MB while mimalloc kept freed memory for a second (docs/performance.md, "Memory"); 0.75 GB
# before long articles were coded a sentence at a time (docs/fuzzing.md, "Memory").
# About 1 minute.
set -euo pipefail
cd "$(dirname "$0")/../.."

LIMIT_MB=250
BYTES=$((8 << 20))

if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get install -y -qq time >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } || true
fi
[ -x /usr/bin/time ] || { echo "memory: /usr/bin/time is required" >&2; exit 1; }
cargo build --release --locked -q -p herald-cli
tmp=$(mktemp -d "${TMPDIR:-/tmp}/herald-memory.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp target/release/herald "$tmp/herald"

python3 - "$tmp/article.txt" "$BYTES" <<'PY'
import json, re, sys
path, size = sys.argv[1], int(sys.argv[2])
texts = [open("examples/defense-visit.txt", encoding="utf-8").read()]
for name in ("examples/articles.jsonl", "examples/syndicated.jsonl"):
    for line in open(name, encoding="utf-8"):
        if line.strip():
            texts.append(json.loads(line)["text"])
blob = "\n\n".join(texts) + "\n\n"
out, n, i = [], 0, 0
while n < size:
    i += 1
    # "said." -> "said (17)."; the words differ from copy to copy, so no sentence is a repeat.
    copy = re.sub(r"(?<=[a-z]{3})\.(\s)", lambda m: f" ({i})." + m.group(1), blob)
    out.append(copy)
    n += len(copy.encode("utf-8"))
text = "".join(out).encode("utf-8")[:size].decode("utf-8", "ignore")
open(path, "w", encoding="utf-8").write(text[: text.rfind("\n") + 1])
PY

# The same text as one JSON Lines record: the reader's line buffers count too.
python3 -c 'import json, sys; t = open(sys.argv[1], encoding="utf-8").read(); print(json.dumps({"id": "big", "date": "2014-09-15", "text": t}))' \
  "$tmp/article.txt" >"$tmp/article.jsonl"

status=0
for input in article.txt article.jsonl; do
  start=$(date +%s)
  /usr/bin/time -v "$tmp/herald" code "$tmp/$input" --date 2014-09-15 \
    --max-article-bytes $((16 << 20)) >"$tmp/events.jsonl" 2>"$tmp/time.txt" || {
    echo "memory: herald code $input failed:"; tail -5 "$tmp/time.txt"; exit 1; }
  secs=$(( $(date +%s) - start ))
  rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$tmp/time.txt")
  events=$(wc -l <"$tmp/events.jsonl")
  rss_mb=$((rss_kb / 1024))
  echo "memory: 8 MB article ($input): peak RSS ${rss_mb} MB (limit ${LIMIT_MB} MB), ${events} events, ${secs} s"
  if [ "$events" -eq 0 ]; then
    echo "memory: FAIL no events coded from $input"
    status=1
  fi
  if [ "$rss_mb" -gt "$LIMIT_MB" ]; then
    echo "memory: FAIL peak RSS ${rss_mb} MB > ${LIMIT_MB} MB on $input"
    status=1
  fi
done
[ $status -eq 0 ] && echo "memory: ok"
exit $status
