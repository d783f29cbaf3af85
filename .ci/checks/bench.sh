#!/usr/bin/env bash
# Throughput regression check (issue 7): runs the quick benchmark (bench/run.sh --quick, about a
# minute on 2 cores) and fails when sentences per CPU second on 1 thread (user + system time, which
# other jobs on a shared machine inflate far less than wall time: at load average 7.8 on 2 cores,
# 2,765 per CPU second against 1,838 per wall second) falls below half the committed figure
# (a 2x regression). On a quiet machine the two are the same for one thread. The committed figures come from `bench/run.sh --quick` on the machine named
# below; CI machines are shared, hence the 2x margin. Two figures: with the bundled tagger/parser,
# and coding by word order (when the model does not load), since the parser costs time by design.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Committed figures: median sentences/s on 1 thread, bench/run.sh --quick.
# 2026-12-02 17:16 UTC, 2 cores AMD EPYC (KVM), load average 2.3-2.6 (another job on one core),
# after the coder and story-index fixes (3,231 on 2026-11-28 at load 0.9 before them; the same
# binary measured 2,282 at the load of this run).
# Ratcheted 2026-12-02 18:20 UTC: the same quick run on a quiet machine (load average 2.0, from a
# fresh clone via .ci/run) gave 5,516 sentences per CPU second (5,580 per wall second; 2 threads
# 11,714, x2.10; start-up 263 ms), after the coder fixes above.
# Ratcheted 2026-12-03 10:45 UTC: the clean-clone .ci/run at commit 8886b21 (load average
# 1.6-2.2) gave 5,542 per CPU second (5,553 per wall second; 2 threads 10,249, x1.85; start-up
# 272 ms) with the raw-text repairs of issue 4 in the pipeline.
PARSED_SPS=5542
# 2026-12-02 17:17 UTC, same machine, `bench/run.sh --quick --no-parse`, load average 2.5
# (8,096 on 2026-11-28 before the coder fixes).
WORD_ORDER_SPS=29707

json=target/bench/quick.json
rm -f "$json"
bash bench/run.sh --quick --json "$json"

python3 - "$json" "$PARSED_SPS" "$WORD_ORDER_SPS" <<'PY'
import json, sys
path, parsed, word_order = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
r = json.load(open(path))
one = r["threads_1"]
sps = one.get("sentences_per_cpu_sec", one["sentences_per_sec"])
mode = "word order (no tagger/parser)" if r["nlp_warning"] else "tagger/parser"
committed = word_order if r["nlp_warning"] else parsed
floor = committed / 2
print(f"bench: mode {mode}; sentences per CPU second on 1 thread {sps:.0f} (per wall second "
      f"{one['sentences_per_sec']:.0f}; committed {committed:.0f}, "
      f"floor {floor:.0f}); {r['threads_n']['threads']} threads {r['threads_n']['sentences_per_sec']:.0f} "
      f"(x{r['speedup']:.2f}); start-up {r['startup_seconds_median'] * 1000:.0f} ms; "
      f"peak RSS {r['peak_rss_mb'] or 0:.0f} MB; load average {r['machine_before']['loadavg']}")
if sps < floor:
    print(f"bench: FAIL sentences/s {sps:.0f} < {floor:.0f} (half the committed figure)")
    sys.exit(1)
print("bench: ok")
PY
