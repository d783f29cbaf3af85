#!/usr/bin/env python3
"""Benchmark of the Python package (issue 16) against the `herald` command on the same corpus.

Run with the Python that has `herald` (pip install ./python), pyarrow and, for Spark, pyspark:

    python bench/python_bench.py                    # 3 MB corpus, memory at 250k/1M articles (~20 min)
    python bench/python_bench.py --quick --check    # what .ci/checks/python.sh runs (~4 min)

Measures (each in a fresh process, figures are medians over --runs):
  load      `import herald` + `herald.Pipeline()` (target <= 1 s)
  cli       `herald code CORPUS --threads 1` (its --stats)
  batch     `Pipeline.code_batch(table, threads=1)` and `threads=2` on the corpus as a pyarrow Table
            (target: 1 thread >= 90 % of the CLI's sentences/s; 2 threads >= 1.8x one)
  spark     `herald.spark.code_events` in local[1] and local[2] on the same corpus
            (target: local[2] >= 1.6x local[1], per core within 70 % of the CLI)
  memory    peak RSS of `Pipeline.write_parquet` streaming a JSONL file of small articles, at two
            sizes 4x apart, both past the story window (target: < 600 MB and flat)

Sentence counts come from the CLI's --stats on the same input (the package codes the same
sentences). Rates are given per wall second and, for one thread, per CPU second (user + system),
which other jobs on a shared machine inflate far less. `--check` fails (exit 1) below the
thresholds in THRESHOLDS; the speed-ups are only checked on a quiet machine.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

# --check thresholds: the targets with a margin for a shared 2-core CI machine.
THRESHOLDS = {
    "batch_vs_cli_cpu": 0.85,  # target 0.90 (per CPU second, 1 thread)
    "load_cpu_seconds": 1.0,  # target 1.0 s (wall on a quiet machine; CPU seconds here, which
    # a busy machine inflates far less: at load average 10 the wall time doubled)
    "peak_rss_mb": 600,
    "rss_growth": 1.3,  # peak RSS at 4x the input / at 1x
    "batch2_vs_cli2": 0.8,  # code_batch on 2 threads against the CLI on 2 threads; quiet only
    "batch_speedup_2": 1.5,  # target 1.8; only when the load average before is < 0.8
    "spark_speedup_2": 1.5,  # target 1.6 (x1.97-1.98 on a quiet machine); same condition
}


#: The speed-ups are checked only when the load average before the run is below this.
QUIET_LOAD = 0.8


def load_avg():
    return os.getloadavg()[0]


def cpu_self():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def sub(mode, *args):
    """Runs this script's `mode` in a fresh Python process; returns its JSON line."""
    p = subprocess.run(
        [sys.executable, os.path.abspath(__file__), mode, *map(str, args)],
        capture_output=True,
        text=True,
    )
    if p.returncode != 0:
        sys.exit(f"python_bench: {mode} {args} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------
# Child modes (run in their own process).


def read_table(path):
    import pyarrow as pa

    cols = {k: [] for k in ("id", "text", "date", "title", "source", "url")}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                for k in cols:
                    v = r.get(k)
                    cols[k].append(None if v is None else str(v))
    return pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()})


def child_load():
    t, c = time.perf_counter(), cpu_self()
    import herald

    t_import = time.perf_counter() - t
    herald.Pipeline()
    total = time.perf_counter() - t
    cpu = cpu_self() - c
    t2 = time.perf_counter()
    import pyarrow  # noqa: F401

    print(json.dumps({"import": t_import, "load": total, "cpu": cpu,
                      "pyarrow_import": time.perf_counter() - t2}))


def child_batch(corpus, threads, runs):
    import herald

    table = read_table(corpus)
    p = herald.Pipeline()
    out = []
    for _ in range(int(runs)):
        c, t = cpu_self(), time.perf_counter()
        res = p.code_batch(table, threads=int(threads))
        out.append({"wall": time.perf_counter() - t, "cpu": cpu_self() - c,
                    "events": res.num_rows, "errors": herald.errors(res).num_rows})
        del res
    print(json.dumps(out))


def child_stream(path, threads, dedup_window):
    import herald

    def articles():
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)

    p = herald.Pipeline(dedup_window=int(dedup_window))
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        res = p.write_parquet(articles(), os.path.join(d, "e.parquet"), threads=int(threads))
    wall = time.perf_counter() - t
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"wall": wall, "events": res["events"], "errors": len(res["errors"]),
                      "peak_rss_mb": rss_kb / 1024}))


def child_spark(corpus_parquet, master, partitions, runs):
    from pyspark.sql import SparkSession

    from herald.spark import code_events

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName("herald-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.read.parquet(corpus_parquet).repartition(int(partitions)).cache()
    df.count()
    walls = []
    for _ in range(int(runs)):
        t = time.perf_counter()
        code_events(df).write.format("noop").mode("overwrite").save()
        walls.append(time.perf_counter() - t)
    events = code_events(df).count()
    spark.stop()
    print(json.dumps({"walls": walls, "events": events}))


# ---------------------------------------------------------------------------------------------
# The benchmark.


def load(res):
    loads = [sub("_load") for _ in range(5)]
    res["load_seconds"] = statistics.median(x["load"] for x in loads)
    res["load_cpu_seconds"] = statistics.median(x["cpu"] for x in loads)
    res["import_seconds"] = statistics.median(x["import"] for x in loads)
    res["pyarrow_import_seconds"] = statistics.median(x["pyarrow_import"] for x in loads)
    print(f"  load: import herald + Pipeline() {res['load_seconds'] * 1000:.0f} ms "
          f"({res['load_cpu_seconds'] * 1000:.0f} ms CPU) "
          f"(import {res['import_seconds'] * 1000:.0f} ms; pyarrow import "
          f"{res['pyarrow_import_seconds'] * 1000:.0f} ms more)", flush=True)


def batch(a, res, corpus, runs):
    import herald_bench as hb

    # CLI and code_batch on one thread, interleaved so that both see the same load.
    cli, py1 = [], []
    for _ in range(runs):
        stats, _wall, _rss, _err = hb.run_code(a.herald, [corpus, "--threads", "1"])
        cli.append(stats)
        py1 += sub("_batch", corpus, 1, 1)
    sentences = cli[0]["sentences"]
    med = statistics.median
    res["sentences"] = sentences
    res["articles"] = cli[0]["articles"]
    res["cli_events"] = cli[0]["events"]
    res["cli_sps"] = med(s["sentences_per_sec"] for s in cli)
    res["cli_sps_work"] = med(sentences / hb.work_seconds(s) for s in cli)
    res["cli_sps_cpu"] = med(sentences / s["cpu_seconds"] for s in cli)
    res["batch1_sps"] = med(sentences / r["wall"] for r in py1)
    res["batch1_sps_cpu"] = med(sentences / r["cpu"] for r in py1)
    res["batch_events"] = py1[0]["events"]
    res["batch_vs_cli"] = res["batch1_sps"] / res["cli_sps_work"]
    res["batch_vs_cli_cpu"] = res["batch1_sps_cpu"] / res["cli_sps_cpu"]
    res["cli_runs_sps"] = [round(sentences / hb.work_seconds(s)) for s in cli]
    res["batch1_runs_sps"] = [round(sentences / r["wall"]) for r in py1]
    print(f"  1 thread: CLI {res['cli_sps']:.0f} sentences/s ({res['cli_sps_work']:.0f} without "
          f"start-up, {res['cli_sps_cpu']:.0f} per CPU s); code_batch {res['batch1_sps']:.0f} "
          f"({res['batch1_sps_cpu']:.0f} per CPU s): {res['batch_vs_cli'] * 100:.0f} % of the CLI "
          f"per wall s without start-up, {res['batch_vs_cli_cpu'] * 100:.0f} % per CPU s; "
          f"{res['batch_events']} events (CLI {res['cli_events']})", flush=True)

    if res.get("skip_two_threads"):
        return
    # Two threads, interleaved with the CLI on two threads: on a busy machine neither gets two
    # whole cores, and the ratio of the two speed-ups still shows whether the GIL costs anything.
    cli2, py2 = [], []
    for _ in range(runs):
        stats, _wall, _rss, _err = hb.run_code(a.herald, [corpus, "--threads", "2"])
        cli2.append(stats)
        py2 += sub("_batch", corpus, 2, 1)
    res["cli2_sps"] = med(s["sentences_per_sec"] for s in cli2)
    res["batch2_sps"] = med(sentences / r["wall"] for r in py2)
    res["batch2_runs_sps"] = [round(sentences / r["wall"]) for r in py2]
    res["batch_speedup_2"] = res["batch2_sps"] / res["batch1_sps"]
    res["cli_speedup_2"] = res["cli2_sps"] / res["cli_sps"]
    res["batch2_vs_cli2"] = res["batch2_sps"] / res["cli2_sps"]
    print(f"  2 threads: code_batch {res['batch2_sps']:.0f} sentences/s, x{res['batch_speedup_2']:.2f} "
          f"one thread; CLI --threads 2 {res['cli2_sps']:.0f} (x{res['cli_speedup_2']:.2f}); "
          f"code_batch at {res['batch2_vs_cli2'] * 100:.0f} % of the CLI on 2 threads", flush=True)


def spark(res, corpus, tmp):
    import pyarrow.parquet as pq

    sentences = res["sentences"]
    cp = os.path.join(tmp, "corpus.parquet")
    pq.write_table(read_table(corpus), cp)
    # One partition per core of local[2], for both masters: with more partitions than cores, a
    # second wave of unequal partitions leaves a core idle at the end (3 MB corpus, quiet
    # machine: x1.58 with 4 partitions, x1.96 with 2; see docs/performance.md).
    s1 = sub("_spark", cp, "local[1]", 2, 3)
    s2 = sub("_spark", cp, "local[2]", 2, 3)
    res["spark1_walls"], res["spark2_walls"] = s1["walls"], s2["walls"]
    res["spark_events"] = s2["events"]
    res["spark1_sps"] = sentences / min(s1["walls"])
    res["spark2_sps"] = sentences / min(s2["walls"])
    res["spark_speedup_2"] = res["spark2_sps"] / res["spark1_sps"]
    res["spark_per_core_vs_cli"] = res["spark2_sps"] / 2 / res["cli_sps_work"]
    res["spark1_vs_cli"] = res["spark1_sps"] / res["cli_sps_work"]
    print(f"  Spark: local[1] {res['spark1_sps']:.0f} sentences/s, local[2] "
          f"{res['spark2_sps']:.0f} (x{res['spark_speedup_2']:.2f}); per core "
          f"{res['spark_per_core_vs_cli'] * 100:.0f} % of the CLI's 1-thread rate (local[1]: "
          f"{res['spark1_vs_cli'] * 100:.0f} %); "
          f"walls {[round(w, 1) for w in s1['walls']]} / {[round(w, 1) for w in s2['walls']]} s",
          flush=True)


def memory(res, tmp, sizes, window):
    import herald_bench as hb

    mem = []
    for n in sizes:
        path = os.path.join(tmp, f"lines-{n}.jsonl")
        hb.write_lines(path, n)
        size = os.path.getsize(path) / 1e6
        r = sub("_stream", path, 2, window)
        r.update(lines=n, mb=size)
        mem.append(r)
        os.unlink(path)
        print(f"  memory: {n} articles ({size:.0f} MB) streamed in {r['wall']:.0f} s on 2 threads "
              f"(story window {window}): peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
    res["memory"] = mem
    res["peak_rss_mb"] = max(m["peak_rss_mb"] for m in mem)
    res["rss_growth"] = mem[-1]["peak_rss_mb"] / mem[0]["peak_rss_mb"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller inputs and fewer runs (CI)")
    ap.add_argument("--check", action="store_true", help="fail below the thresholds")
    ap.add_argument("--size-mb", type=float, default=None, help="corpus size (default 3, quick 2)")
    ap.add_argument("--runs", type=int, default=None, help="runs per measurement (default 3, quick 2)")
    ap.add_argument("--herald", default=os.environ.get("HERALD_BIN", os.path.join(REPO, "target/release/herald")))
    ap.add_argument("--memory-lines", default=None,
                    help="two sizes in small articles, e.g. 250000,1000000 (quick: 20000,80000)")
    ap.add_argument("--dedup-window", type=int, default=None,
                    help="story window of the memory runs (default 100000, quick 10000)")
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--parts", default="load,batch,spark,memory",
                    help="what to measure (comma-separated; default all)")
    ap.add_argument("--json", default=os.path.join(REPO, "target/bench/python.json"))
    a = ap.parse_args()
    import herald_bench as hb

    runs = a.runs or (2 if a.quick else 3)
    a.size_mb = a.size_mb or (2.0 if a.quick else 3.0)
    mem_lines = [int(x) for x in (a.memory_lines or ("20000,80000" if a.quick else "250000,1000000")).split(",")]
    # Story grouping remembers the last `window` articles (about 1.1 KB each, 100,000 by
    # default): memory is flat once both sizes are past it, so the quick run uses a smaller one.
    window = a.dedup_window or (10000 if a.quick else 100000)
    res_window = window
    if not os.access(a.herald, os.X_OK):
        sys.exit(f"python_bench: no herald command at {a.herald} (cargo build --release)")
    res = {"load_before": load_avg(), "size_mb": a.size_mb, "runs": runs, "dedup_window": res_window}
    print(f"python_bench: load average {res['load_before']:.2f}; {a.size_mb} MB corpus; {runs} runs",
          flush=True)
    parts = set(a.parts.split(","))
    if a.no_spark:
        parts.discard("spark")
    if "batch" not in parts:
        parts.discard("spark")  # its per-core figure needs the CLI's
    if a.quick and a.check and res["load_before"] >= QUIET_LOAD:
        # The speed-ups are only checked on a quiet machine: on a busy one, save the minutes.
        print(f"python_bench: busy machine: 2-thread and Spark runs skipped (checked only below "
              f"load average {QUIET_LOAD})")
        parts.discard("spark")
        res["skip_two_threads"] = True
    with tempfile.TemporaryDirectory(prefix="herald-pybench-") as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        hb.write_corpus(corpus, a.size_mb)
        if "load" in parts:
            load(res)
        if "batch" in parts:
            batch(a, res, corpus, runs)
        if "spark" in parts:
            spark(res, corpus, tmp)
        if "memory" in parts:
            memory(res, tmp, mem_lines, window)
    res["load_after"] = load_avg()
    os.makedirs(os.path.dirname(a.json), exist_ok=True)
    with open(a.json, "w") as f:
        json.dump(res, f, indent=1)
    print(f"python_bench: figures in {a.json}; load average {res['load_before']:.2f} before, "
          f"{res['load_after']:.2f} after")
    if not a.check:
        return 0
    fails = []
    quiet = res["load_before"] < QUIET_LOAD
    for k, floor in THRESHOLDS.items():
        if k not in res:
            continue
        v = res[k]
        if k in ("load_cpu_seconds", "peak_rss_mb", "rss_growth"):
            ok = v <= floor
        elif (k.endswith("speedup_2") or k == "batch2_vs_cli2") and not quiet:
            print(f"python_bench: {k} {v:.2f} not checked (load average {res['load_before']:.2f})")
            continue
        else:
            ok = v >= floor
        print(f"python_bench: {k} {v:.3f} ({'<=' if k in ('load_cpu_seconds', 'peak_rss_mb', 'rss_growth') else '>='} "
              f"{floor}): {'ok' if ok else 'FAIL'}")
        if not ok:
            fails.append(k)
    if "cli_events" in res and res["batch_events"] != res["cli_events"]:
        print(f"python_bench: FAIL code_batch gave {res['batch_events']} events, the CLI {res['cli_events']}")
        fails.append("events")
    return 1 if fails else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        mode, args = sys.argv[1], sys.argv[2:]
        {"_load": child_load, "_batch": child_batch, "_stream": child_stream,
         "_spark": child_spark}[mode](*args)
    else:
        sys.exit(main())
