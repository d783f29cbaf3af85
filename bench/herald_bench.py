#!/usr/bin/env python3
"""Herald benchmark helper: builds synthetic inputs and runs/summarizes `herald code --stats`.

Used by bench/run.sh, bench/scaling.sh and .ci/checks/bench.sh (see bench/README.md). Standard
library only. Inputs are built from data read in place under ../shared (never copied into the
repository) and written to a temporary folder given on the command line.

Subcommands:
  corpus   --out FILE --size-mb N      JSONL articles (treebank text, GigaWord sample, examples)
  sentence --out FILE --tokens N       one article holding one sentence of N tokens
  article  --out FILE --size-mb N      one JSONL article of N MB (many sentences, one paragraph run)
  lines    --out FILE --lines N        N small JSONL articles (one or two sentences each)
  dict     --out DIR --actors N        a Herald TOML dictionary folder of N synthetic [[person]]s
  run      ...                         the throughput benchmark (called by bench/run.sh)
  scaling  ...                         the scaling checks (called by bench/scaling.sh)
"""

import argparse
import glob
import json
import os
import random
import re
import statistics
import subprocess
import resource
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.environ.get("HERALD_SHARED", os.path.join(os.path.dirname(REPO), "shared"))

# --------------------------------------------------------------------------------------------
# Corpus sources


def treebank_articles(rng):
    """Articles of ~15-25 sentences from the `# text` lines of the treebanks.

    A document boundary (`# newdoc`) closes the current article once it holds at least 15
    sentences, so short documents are merged with the next rather than producing one-line
    "articles"; long documents are cut every 15-25 sentences. `# newpar` starts a paragraph.
    """
    files = sorted(glob.glob(os.path.join(SHARED, "data/treebanks/*/*.conllu")))
    if not files:
        sys.exit(f"herald_bench: no treebanks under {SHARED}/data/treebanks")
    for path in files:
        name = os.path.basename(path).replace(".conllu", "")
        article = []  # finished paragraphs of the article being built
        para = []  # sentences of the paragraph being built
        count, n = 0, 0
        target = rng.randint(15, 25)
        with open(path, encoding="utf-8") as f:
            for line in f:
                close = False
                if line.startswith("# newdoc"):
                    close = count >= 15
                elif line.startswith("# newpar") and not line.startswith("# newpar_"):
                    if para:
                        article.append(" ".join(para))
                        para = []
                elif line.startswith("# text = "):
                    para.append(line[len("# text = "):].strip())
                    count += 1
                    close = count >= target
                if close:
                    if para:
                        article.append(" ".join(para))
                    n += 1
                    yield f"{name}-{n:05d}", "\n\n".join(article)
                    article, para, count = [], [], 0
                    target = rng.randint(15, 25)
        if para:
            article.append(" ".join(para))
        if article:
            n += 1
            yield f"{name}-{n:05d}", "\n\n".join(article)
        target = rng.randint(15, 25)  # as many draws as before, so the corpus does not change


def gigaword_articles():
    """The GigaWord sample's sentences grouped by story id (AFP0808020625_4 -> AFP0808020625)."""
    path = os.path.join(SHARED, "data/petrarch/GigaWord.sample.PETR.xml")
    with open(path, encoding="utf-8") as f:
        xml = f.read()
    stories = {}
    pat = re.compile(
        r'<Sentence\s+date\s*=\s*"(\d{8})"\s+id\s*=\s*"([^"]+)".*?<Text>(.*?)</Text>', re.S
    )
    for date, sid, text in pat.findall(xml):
        story = sid.rsplit("_", 1)[0]
        d = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        stories.setdefault(story, [d, []])[1].append(" ".join(text.split()))
    for story, (date, sents) in sorted(stories.items()):
        yield story, date, " ".join(sents)


def example_articles():
    for path in sorted(glob.glob(os.path.join(REPO, "examples/*.txt"))):
        with open(path, encoding="utf-8") as f:
            yield os.path.basename(path), f.read()


def base_articles(seed=7):
    """(id, date, text) for every source article, in a fixed order."""
    rng = random.Random(seed)
    out = []
    for aid, text in treebank_articles(rng):
        out.append([aid, None, text])
    for aid, date, text in gigaword_articles():
        out.append([f"gw-{aid}", date, text])
    for aid, text in example_articles():
        out.append([f"ex-{aid}", "2014-09-15", text])
    # Interleave the sources so that any prefix of the corpus is a mix of them.
    rng.shuffle(out)
    for a in out:
        if a[1] is None:
            a[1] = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return out


def write_corpus(out, size_mb):
    """Repeats the base articles (ids suffixed with the round) until the file is >= size_mb MB."""
    base = base_articles()
    limit = int(size_mb * 1_000_000)
    written, rnd, n = 0, 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < limit:
            for aid, date, text in base:
                line = json.dumps(
                    {"id": f"{aid}-r{rnd}", "date": date, "source": "bench", "text": text},
                    ensure_ascii=False,
                ) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                n += 1
                if written >= limit:
                    break
            rnd += 1
    print(f"corpus: {out}: {n} articles, {written / 1e6:.1f} MB, {len(base)} distinct", file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Scaling inputs

NEWS = [
    "Russian President Vladimir Putin criticized NATO on Tuesday .",
    "Kazakh President Nursultan Nazarbayev met Chinese Defense Minister Chang Wanquan in Astana .",
    "The two sides signed an agreement on military cooperation .",
    "Ukrainian troops clashed with rebels near Donetsk .",
    "French officials said the talks with Germany would continue next week .",
]


ADJS = ["Russian", "Chinese", "French", "German", "Kazakh", "Ukrainian", "British", "Indian",
        "Brazilian", "Nigerian", "Egyptian", "American"]
PLACES = ["Russia", "China", "France", "Germany", "Kazakhstan", "Ukraine", "Britain", "India",
          "Brazil", "Nigeria", "Egypt", "the United States"]
ROLES = ["President", "Foreign Minister", "Defense Minister", "Prime Minister"]
VERBS = ["met", "criticized", "praised", "accused", "visited", "threatened", "thanked", "urged"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def write_lines(out, lines):
    """`lines` small, distinct articles of one or two sentences each.

    Each text carries synthetic names unique to its line, so the articles are not copies of
    one another (story grouping then sees a realistic mix; see `write_copies` for copies).
    """
    with open(out, "w", encoding="utf-8") as f:
        for i in range(lines):
            s = distinct_sentence(i)
            if i % 3 == 0:
                place = synthetic_name(i * 31 + 7)[1]
                s += f" The talks in {place} were the first since {1990 + i % 30}."
            f.write(json.dumps({"id": f"l{i}", "date": "2014-09-15", "text": s}) + "\n")


def distinct_sentence(i):
    """News-like sentence number i; the synthetic names make every sentence distinct, so that
    Herald's skipping of repeated sentences within an article does not shorten the work."""
    given, family = synthetic_name(i)
    place = synthetic_name(i * 31 + 7)[1]
    return (f"{ADJS[i % 12]} {ROLES[i % 4]} {given} {family} {VERBS[i % 8]} "
            f"{PLACES[(i * 5 + 1) % 12]} in {place} on {DAYS[i % 7]}.")


def write_sentence(out, tokens):
    """One article holding one sentence of `tokens` tokens: distinct clauses joined by commas
    and "and", with a single final period."""
    words, i = [], 0
    while len(words) < tokens - 1:
        clause = distinct_sentence(i).rstrip(".").split()
        words.extend(clause + ([","] if i % 2 else ["and"]))
        i += 1
    text = " ".join(words[: tokens - 1]).replace(" ,", ",") + " ."
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "long-sentence", "date": "2014-09-15", "text": text}) + "\n")


def write_article(out, size_mb):
    """One article of distinct news-like sentences totalling size_mb MB, paragraphs of 8."""
    limit = int(size_mb * 1_000_000)
    parts, size, i = [], 0, 0
    while size < limit:
        s = distinct_sentence(i)
        parts.append(s + ("\n\n" if i % 8 == 7 else " "))
        size += len(s) + 1
        i += 1
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "big-article", "date": "2014-09-15", "text": "".join(parts)}) + "\n")


def write_copies(out, copies):
    """`copies` articles with the same text: one wire story syndicated many times."""
    text = " ".join(NEWS).replace(" .", ".")
    with open(out, "w", encoding="utf-8") as f:
        for i in range(copies):
            f.write(json.dumps({"id": f"copy{i}", "date": "2014-09-15", "text": text}) + "\n")


SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "sho", "tel", "bra", "qui", "nor", "zan", "pel",
             "tor", "gui", "fen", "mas", "ric", "hal", "dor", "ves", "lun", "bek", "sar", "ul"]
COUNTRIES = ["USA", "RUS", "CHN", "FRA", "DEU", "KAZ", "UKR", "GBR", "IND", "BRA", "NGA", "EGY"]
SECTORS = ["GOV", "ELI", "MIL", "OPP", "BUS", "JUD", "LEG"]


def synthetic_name(i):
    """A distinct two-part synthetic name for actor number i (no real people)."""
    def word(k, n):
        s = ""
        for _ in range(n):
            s += SYLLABLES[k % len(SYLLABLES)]
            k //= len(SYLLABLES)
        return s.capitalize()
    # Given name from the low digits, surname from the rest: 24^3 * 24^3 distinct pairs.
    return word(i, 3), word(i // 13824 + i * 7 % 13824, 3) + word(i, 1).lower()


def write_dict(out_dir, actors, per_file=1000):
    """A Herald TOML dictionary folder: `actors` synthetic [[person]] entries, `per_file` a file.

    Files of 1,000 entries keep the run short while dictionary loading is quadratic in the size
    of one file (see docs/performance.md); the "dictionary file" case measures that directly.
    """
    os.makedirs(out_dir, exist_ok=True)
    for start in range(0, actors, per_file):
        with open(os.path.join(out_dir, f"people-{start // per_file:03d}.toml"), "w") as f:
            f.write("# Synthetic actors for the Herald scaling benchmark (bench/scaling.sh).\n")
            for i in range(start, min(actors, start + per_file)):
                given, family = synthetic_name(i)
                c = COUNTRIES[i % len(COUNTRIES)]
                s = SECTORS[i % len(SECTORS)]
                y = 1990 + i % 30
                f.write(
                    f'\n[[person]]\nname = "{given} {family}"\n'
                    f'aliases = ["{given[0]}. {family}", "{family} {given}"]\n'
                    f'roles = [\n  {{ code = "{c}{s}", from = "{y}-01-01", to = "{y + 4}-12-31" }},\n'
                    f'  {{ code = "{c}ELI" }},\n]\n'
                )


# --------------------------------------------------------------------------------------------
# Running


def last_json(stderr):
    """The last line of stderr that parses as a JSON object (herald's --stats line)."""
    for line in reversed(stderr.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    return None


def gnu_time():
    return "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_code(binary, args, stdin=None):
    """Runs `herald code ARGS --stats` with output discarded.

    Returns (the --stats JSON, wall seconds, peak RSS in KB or None, herald's stderr). The JSON
    gains `cpu_seconds`: user + system time of the run (children's rusage), which a busy machine
    inflates far less than wall time.
    """
    cmd = [binary, "code", *args, "--stats", "-o", os.devnull]
    tfile = None
    if gnu_time():
        fd, tfile = tempfile.mkstemp(prefix="herald-time-")
        os.close(fd)
        cmd = [gnu_time(), "-v", "-o", tfile, *cmd]
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter() - t
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss = None
    if tfile:
        with open(tfile) as f:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
            rss = int(m.group(1)) if m else None
        os.unlink(tfile)
    stats = last_json(p.stderr)
    if p.returncode not in (0, 1) or stats is None:
        sys.exit(f"herald_bench: {' '.join(cmd)} failed (exit {p.returncode}):\n{p.stderr[-2000:]}")
    stats["cpu_seconds"] = cpu
    if stats.get("skipped"):
        # Skipped input makes the figures wrong (e.g. an article over --max-article-bytes).
        print(f"herald_bench: warning: herald skipped {stats['skipped']} record(s): "
              f"{p.stderr[-500:]}", file=sys.stderr)
    return stats, wall, rss, p.stderr


STAGES = ["read", "segment", "tag", "parse", "actors", "code", "geocode", "write"]


def summarize(runs):
    """Median figures over runs of `run_code`."""
    med = lambda xs: statistics.median(xs) if xs else None
    s0 = runs[0][0]
    stages = {k: med([r[0]["stage_seconds"].get(k, 0.0) for r in runs]) for k in STAGES}
    return {
        "threads": s0.get("threads"),
        "runs": len(runs),
        "articles": s0["articles"],
        "sentences": s0["sentences"],
        "tokens": s0["tokens"],
        "events": s0["events"],
        "wall_seconds": med([r[0]["wall_seconds"] for r in runs]),
        "articles_per_sec": med([r[0]["articles_per_sec"] for r in runs]),
        "sentences_per_sec": med([r[0]["sentences_per_sec"] for r in runs]),
        # Sentences per CPU second (user + system): on one thread, the single-core throughput
        # with other jobs' load mostly factored out.
        "sentences_per_cpu_sec": med([r[0]["sentences"] / max(r[0]["cpu_seconds"], 1e-9)
                                      for r in runs]),
        "tokens_per_sec": med([r[0]["tokens_per_sec"] for r in runs]),
        "all_wall_seconds": [round(r[0]["wall_seconds"], 3) for r in runs],
        "peak_rss_mb": med([r[2] / 1024 for r in runs if r[2] is not None]),
        "stage_seconds": stages,
    }


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        load = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load = []
    return {"nproc": os.cpu_count(), "cpu": model, "loadavg": [float(x) for x in load]}


def cmd_run(a):
    binary = a.binary
    threads = a.threads or os.cpu_count()
    corpus = a.corpus
    warn = ""
    xargs = ["--no-parse"] if a.no_parse else []
    info = {"machine_before": machine(), "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}

    # Start-up: load models and dictionaries and code one sentence.
    startups, rss_start = [], None
    for _ in range(a.startup_runs):
        stats, wall, rss, err = run_code(binary, ["-", "--date", "2014-09-15", *xargs], stdin=STARTUP_TEXT)
        startups.append(wall)
        rss_start = rss
        if "did not load" in err:
            warn = "the bundled tagger/parser did not load: figures are for coding by word order"
        if a.no_parse:
            warn = "--no-parse: figures are for coding by word order"

    results = {}
    configs = [("1", 1)] + ([("N", threads)] if threads > 1 else [])
    for key, n in configs:
        runs = []
        for i in range(a.runs):
            r = run_code(binary, [corpus, "--threads", str(n), *xargs])
            print(f"  threads={n} run {i + 1}/{a.runs}: {r[0]['sentences_per_sec']:.0f} sentences/s, "
                  f"{r[1]:.1f} s, peak RSS {r[2] / 1024 if r[2] else float('nan'):.0f} MB", file=sys.stderr)
            runs.append(r)
        results[key] = summarize(runs)

    one = results["1"]
    many = results.get("N", one)
    out = {
        **info,
        "machine_after": machine(),
        "binary": binary,
        "corpus_bytes": os.path.getsize(corpus),
        "nlp_warning": warn or None,
        "startup_seconds_median": statistics.median(startups),
        "startup_seconds_all": [round(x, 4) for x in startups],
        "startup_peak_rss_mb": rss_start / 1024 if rss_start else None,
        "threads_1": one,
        "threads_n": many,
        "speedup": many["sentences_per_sec"] / one["sentences_per_sec"],
        "peak_rss_mb": max(x for x in [one["peak_rss_mb"], many["peak_rss_mb"]] if x is not None)
        if one["peak_rss_mb"] is not None else None,
    }
    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w") as f:
            json.dump(out, f, indent=2)
            f.write("\n")
    print_table(out)
    if a.json:
        print(f"figures written to {a.json}")


def print_table(o):
    one, many = o["threads_1"], o["threads_n"]
    m = o["machine_before"]
    print()
    print(f"Herald throughput benchmark, {o['date_utc']}")
    print(f"machine: {m['nproc']} cores, {m['cpu']}; load average before {m['loadavg']}, "
          f"after {o['machine_after']['loadavg']}")
    print(f"corpus: {o['corpus_bytes'] / 1e6:.1f} MB, {one['articles']} articles, "
          f"{one['sentences']} sentences, {one['tokens']} tokens, {one['events']} events")
    if o["nlp_warning"]:
        print(f"WARNING: {o['nlp_warning']}")
    print()
    w = 14
    print(f"{'':22}{'1 thread':>{w}}{str(many['threads']) + ' threads':>{w}}")
    for k, label in [("articles_per_sec", "articles/s"), ("sentences_per_sec", "sentences/s"),
                     ("tokens_per_sec", "tokens/s"), ("wall_seconds", "wall s (median)")]:
        print(f"{label:22}{one[k]:>{w},.1f}{many[k]:>{w},.1f}")
    print(f"{'peak RSS MB':22}{one['peak_rss_mb'] or float('nan'):>{w},.1f}"
          f"{many['peak_rss_mb'] or float('nan'):>{w},.1f}")
    print(f"{'runs':22}{one['runs']:>{w}}{many['runs']:>{w}}")
    print(f"speed-up on {many['threads']} threads: {o['speedup']:.2f}x")
    print(f"start-up (load + code one sentence, median of {len(o['startup_seconds_all'])}): "
          f"{o['startup_seconds_median'] * 1000:.0f} ms")
    print()
    print("time by stage (median seconds, summed over threads; share of all stage time):")
    print(f"  {'':10}{'1 thread':>18}{str(many['threads']) + ' threads':>18}")
    tot1 = sum(one["stage_seconds"].values()) or 1e-9
    totn = sum(many["stage_seconds"].values()) or 1e-9
    for k in STAGES:
        v1, vn = one["stage_seconds"][k], many["stage_seconds"][k]
        print(f"  {k:10}{v1:10.2f} s {100 * v1 / tot1:4.0f} %{vn:10.2f} s {100 * vn / totn:4.0f} %")


def work_seconds(stats):
    """Processing time: all stage seconds (read to write), i.e. wall time minus loading."""
    return sum(stats["stage_seconds"].values())


def measure(binary, args, runs, stdin=None):
    """Median wall and work seconds, peak RSS and counts of `herald code ARGS` over runs."""
    rs = [run_code(binary, args, stdin=stdin) for _ in range(runs)]
    s = rs[0][0]
    return {
        "wall_seconds": statistics.median(r[1] for r in rs),
        "work_seconds": statistics.median(work_seconds(r[0]) for r in rs),
        "peak_rss_mb": max((r[2] for r in rs if r[2]), default=0) / 1024,
        "articles": s["articles"], "sentences": s["sentences"], "tokens": s["tokens"],
        "events": s["events"], "skipped": s.get("skipped"), "runs": runs,
    }


def cmd_scaling(a):
    """Each case at a small and a large size (factor apart); linear scaling gives a ratio ~factor."""
    f = a.factor
    tmp = a.tmp
    b = a.binary
    p = lambda name: os.path.join(tmp, name)
    cases = []
    one = ["--threads", "1"]
    allt = ["--threads", str(os.cpu_count())]

    def case(name, unit, small, large, key, note):
        r = {"case": name, "unit": unit, "small": small[0], "large": large[0],
             "small_run": small[1], "large_run": large[1], "key": key, "note": note}
        r["size_ratio"] = large[0] / small[0]
        r["time_ratio"] = large[1][key] / max(small[1][key], 1e-9)
        cases.append(r)
        print(f"  {name}: {small[0]:,} -> {large[0]:,} {unit}: {key} "
              f"{small[1][key]:.3f} -> {large[1][key]:.3f} s (x{r['time_ratio']:.2f}), "
              f"RSS {small[1]['peak_rss_mb']:.0f} -> {large[1]['peak_rss_mb']:.0f} MB", file=sys.stderr)

    sel = set(a.cases.split(","))
    if "sentence" in sel:
        res = []
        for n in (a.tokens, a.tokens * f):
            write_sentence(p(f"sent{n}.jsonl"), n)
            res.append((n, measure(b, [p(f"sent{n}.jsonl"), *one], a.runs)))
        case("one long sentence", "tokens", *res, "work_seconds", "1 thread")
    if "article" in sel:
        res = []
        for mb in (a.article_mb / f, a.article_mb):
            write_article(p(f"art{mb}.jsonl"), mb)
            limit = str(int(mb * 1_000_000) + 1_000_000)
            res.append((mb, measure(b, [p(f"art{mb}.jsonl"), "--max-article-bytes", limit, *one], a.runs)))
        case("one big article", "MB", *res, "work_seconds", "1 thread, --max-article-bytes")
    if "lines" in sel:
        res = []
        for n in (a.lines // f, a.lines):
            write_lines(p(f"lines{n}.jsonl"), n)
            res.append((n, measure(b, [p(f"lines{n}.jsonl"), *allt, *a.lines_args.split()], a.runs)))
            os.unlink(p(f"lines{n}.jsonl"))
        case("many small articles", "lines", *res, "wall_seconds",
             f"{os.cpu_count()} threads, distinct texts {a.lines_args}".strip())
    if "copies" in sel:
        res = []
        for n in (a.copies, a.copies * f):
            write_copies(p(f"copies{n}.jsonl"), n)
            res.append((n, measure(b, [p(f"copies{n}.jsonl"), *allt], a.runs)))
        case("copies of one story", "articles", *res, "wall_seconds",
             f"{os.cpu_count()} threads, story grouping on (the default)")
    if "dict" in sel:
        write_corpus(p("dictcorpus.jsonl"), a.dict_corpus_mb)
        base_load = measure(b, ["-", "--date", "2014-09-15"], a.runs, stdin=STARTUP_TEXT)
        base_code = measure(b, [p("dictcorpus.jsonl"), *one], a.runs)
        loads, codes = [], []
        for n in (a.actors, a.actors * f):
            d = p(f"dict{n}")
            write_dict(d, n)
            extra = ["--dict", d, "--with-defaults"]
            loads.append((n, measure(b, ["-", "--date", "2014-09-15", *extra], a.runs, stdin=STARTUP_TEXT)))
            codes.append((n, measure(b, [p("dictcorpus.jsonl"), *one, *extra], a.runs)))
        case("dictionary actors: start-up", "actors", *loads, "wall_seconds",
             f"load + code one sentence; bundled dictionaries alone {base_load['wall_seconds']:.3f} s")
        case("dictionary actors: coding", "actors", *codes, "work_seconds",
             f"{a.dict_corpus_mb} MB corpus, 1 thread; bundled dictionaries alone "
             f"{base_code['work_seconds']:.3f} s")
    if "dictfile" in sel:
        res = []
        for n in (a.file_actors, a.file_actors * f):
            d = p(f"dictfile{n}")
            write_dict(d, n, per_file=n)
            extra = ["--dict", d, "--with-defaults"]
            res.append((n, measure(b, ["-", "--date", "2014-09-15", *extra], a.runs, stdin=STARTUP_TEXT)))
        case("dictionary file: start-up", "actors", *res, "wall_seconds",
             "all actors in one TOML file; load + code one sentence")
    if "corpus" in sel:
        res = []
        for mb in (a.corpus_mb / f, a.corpus_mb):
            write_corpus(p("c.jsonl"), mb)
            res.append((mb, measure(b, [p("c.jsonl"), *allt], a.runs)))
        case("corpus (peak RSS flat?)", "MB", *res, "wall_seconds", f"{os.cpu_count()} threads")

    out = {"date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": machine(),
           "factor": f, "cases": cases}
    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w") as fh:
            json.dump(out, fh, indent=2)
            fh.write("\n")
    print()
    print(f"Herald scaling checks, {out['date_utc']}, load average {out['machine']['loadavg']}")
    print(f"{'case':30}{'small':>12}{'large':>12}{'time small':>12}{'time large':>12}{'ratio':>8}"
          f"{'RSS small':>11}{'RSS large':>11}")
    for c in cases:
        size = lambda x: f"{x:,}" if float(x).is_integer() else f"{x:g}"
        print(f"{c['case']:30}{size(c['small']):>12}{size(c['large']):>12}{c['small_run'][c['key']]:>11.3f}s"
              f"{c['large_run'][c['key']]:>11.3f}s{c['time_ratio']:>7.2f}x"
              f"{c['small_run']['peak_rss_mb']:>9.0f}MB{c['large_run']['peak_rss_mb']:>9.0f}MB")
    print(f"(size ratio {f}x; linear scaling gives a time ratio near {f}x. 'time' is work seconds,"
          " the sum of stage times, excluding start-up, except where the note says wall)")
    for c in cases:
        print(f"  {c['case']}: {c['unit']}; {c['key']}; {c['note']}")


STARTUP_TEXT = "Russian President Vladimir Putin criticized NATO on Tuesday.\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus"); c.add_argument("--out", required=True); c.add_argument("--size-mb", type=float, default=100)
    c = sub.add_parser("sentence"); c.add_argument("--out", required=True); c.add_argument("--tokens", type=int, required=True)
    c = sub.add_parser("article"); c.add_argument("--out", required=True); c.add_argument("--size-mb", type=float, required=True)
    c = sub.add_parser("lines"); c.add_argument("--out", required=True); c.add_argument("--lines", type=int, required=True)
    c = sub.add_parser("dict"); c.add_argument("--out", required=True); c.add_argument("--actors", type=int, required=True)
    c = sub.add_parser("run")
    c.add_argument("--binary", required=True); c.add_argument("--corpus", required=True)
    c.add_argument("--runs", type=int, default=3); c.add_argument("--startup-runs", type=int, default=5)
    c.add_argument("--threads", type=int, default=0); c.add_argument("--json")
    c.add_argument("--no-parse", action="store_true", help="pass --no-parse to herald")
    c = sub.add_parser("scaling")
    c.add_argument("--binary", required=True); c.add_argument("--tmp", required=True)
    c.add_argument("--runs", type=int, default=1); c.add_argument("--factor", type=int, default=4)
    c.add_argument("--tokens", type=int, default=5000); c.add_argument("--article-mb", type=float, default=10)
    c.add_argument("--lines", type=int, default=1_000_000); c.add_argument("--actors", type=int, default=100_000)
    c.add_argument("--dict-corpus-mb", type=float, default=2); c.add_argument("--corpus-mb", type=float, default=20)
    c.add_argument("--file-actors", type=int, default=2000)
    c.add_argument("--copies", type=int, default=2500)
    c.add_argument("--lines-args", default="", help="extra herald arguments for the lines case")
    c.add_argument("--cases", default="sentence,article,lines,copies,dict,dictfile,corpus"); c.add_argument("--json")
    a = p.parse_args()
    if a.cmd == "corpus":
        write_corpus(a.out, a.size_mb)
    elif a.cmd == "sentence":
        write_sentence(a.out, a.tokens)
    elif a.cmd == "article":
        write_article(a.out, a.size_mb)
    elif a.cmd == "lines":
        write_lines(a.out, a.lines)
    elif a.cmd == "dict":
        write_dict(a.out, a.actors)
    elif a.cmd == "run":
        cmd_run(a)
    elif a.cmd == "scaling":
        cmd_scaling(a)


if __name__ == "__main__":
    main()
