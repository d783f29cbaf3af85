#!/usr/bin/env python3
"""Mutation campaign against the `herald` binary (issue 19): takes the bundled examples, mutates
them (Unicode that changes length when lower-cased, combining and direction marks, emoji, NUL,
lone surrogates written as bytes, invalid UTF-8, long runs of one character class, truncated and
reordered records, unknown fields, byte-order marks, CRLF), runs `herald code` on each with random
flags and output formats under a time limit, and reports every run that

  - panics or aborts (a panic message, "internal error", a signal, a stack overflow),
  - exits with a status other than the documented 0 (all coded), 1 (records skipped) and
    2 (usage or output error), or with 2 for flags that are valid,
  - takes longer than the limit (20 s),
  - writes no event where the input was valid: the mutation kept every original sentence
    (hostile text added between paragraphs or records, unknown fields, a BOM, CRLF ...) and the
    unmutated example gives events with the same flags.

Python standard library only. Each finding is kept with its input, command line and stderr under
OUT/findings/; OUT/summary.json has the counts.

    bench/mutate.py [--binary target/release/herald] [--minutes 30] [--seed 1] [--timeout 20]
                    [--out target/mutate]

Run it at low priority on a shared machine: nice -n 19 bench/mutate.py --minutes 30.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Characters that broke or slowed tokenizers: lower case of another length (Turkish dotted I,
# Kelvin sign, capital sharp s), ligatures, combining marks, direction marks and overrides,
# zero-width joiners, a byte-order mark inside text, emoji with modifiers and flags, NUL, the
# replacement character, line and paragraph separators.
UNICODE = [
    "\u0130", "\u0130zmir\u2019s", "\u212A", "\u1E9E", "\uFB01", "\u0301", "e\u0301\u0301\u0301",
    "\u200F", "\u200E", "\u202E", "\u202C", "\u2066", "\u200D", "\u200B", "\uFEFF", "\U0001F600",
    "\U0001F44D\U0001F3FD", "\U0001F1FA\U0001F1F8", "\x00", "\uFFFD", "\u2028", "\u2029",
    "\u3000", "\u00A0", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u5317\u4EAC", "\u03A3\u03C3\u03C2",
    "\u2019\u2019\u2019", "U.S.", "Gen.", "(Reuters) -", "--", "\u2014", "...",
]
# Runs of one class of character, as in the scaling test: (name, unit).
RUNS = [
    ("apostrophes", "'"), ("curly apostrophes", "\u2019"), ("quotes", "\""), ("hyphens", "-"),
    ("dots", "."), ("digits", "7"), ("capitals", "A"), ("brackets", "(["), ("emoji", "\U0001F600"),
    ("combining", "\u0301"), ("spaces", " "), ("newlines", "\n"), ("word", "x"),
    ("clitics", "China's "), ("initials", "J."), ("abbreviations", "U.S. "), ("commas", "a,"),
    ("underscores", "a_"), ("urls", "http://a.b/c "), ("dashes", "\u2014"),
]
FORMATS = ["jsonl", "csv", "gdelt", "phoenix", "plover", "parquet"]


def examples():
    """(name, kind, bytes, texts) of each base input: the examples, and a PETRARCH XML file of
    their first sentences (the repository has no XML example)."""
    out = []
    with open(os.path.join(ROOT, "examples/defense-visit.txt"), "rb") as f:
        story = f.read()
    out.append(("defense-visit", "text", story))
    texts = []
    for name in ("articles", "syndicated"):
        with open(os.path.join(ROOT, f"examples/{name}.jsonl"), "rb") as f:
            data = f.read()
        out.append((name, "jsonl", data))
        texts += [json.loads(line)["text"] for line in data.decode().splitlines() if line.strip()]
    records = []
    for i, t in enumerate(texts):
        first = t.split(". ")[0].rstrip(".") + "."
        esc = first.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        records.append(f'<Sentence date="2014091{i % 10}" id="s{i}" source="example">\n'
                       f"<Text>\n{esc}\n</Text>\n</Sentence>")
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Sentences>\n' + "\n".join(records) + "\n</Sentences>\n"
    out.append(("records", "petrarch", xml.encode()))
    return out


def run_text(rng):
    name, unit = rng.choice(RUNS)
    n = rng.choice([100, 1000, 10_000, 50_000, 200_000]) // max(1, len(unit.encode()))
    return name, unit * max(1, n)


def hostile(rng):
    """A piece of hostile text and its name."""
    if rng.random() < 0.5:
        return run_text(rng)
    k = rng.randint(1, 5)
    piece = " ".join(rng.choice(UNICODE) for _ in range(k))
    return "unicode", f"The minister {piece} met {rng.choice(UNICODE)}Putin{rng.choice(UNICODE)}."


def insert_in_words(rng, text):
    """Unicode inserted at random places inside the text (sentences may change)."""
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(UNICODE))
    return "".join(chars)


def mutate(rng, kind, data):
    """Returns (mutated bytes, description, preserving): preserving when every original sentence
    and record is kept as it was, so the events of the original must still come out."""
    m = rng.choice(["append", "insert", "bytes", "truncate", "structure", "encoding"])
    if kind == "text":
        text = data.decode()
        if m == "append":
            name, h = hostile(rng)
            where = rng.choice(["before", "after"])
            return ((h + "\n\n" + text) if where == "before" else (text + "\n\n" + h)).encode(), \
                f"text: {name} {where} the article", True
        if m == "insert":
            return insert_in_words(rng, text).encode(), "text: unicode inside words", False
        if m == "bytes":
            bad = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xff", b"\xe2\x80", b"\xc0\xaf", b"\x00"]
            return insert_bytes(rng, data, bad, 6), "text: invalid UTF-8 / lone surrogates as bytes", False
        if m == "truncate":
            return data[: rng.randrange(len(data) + 1)], "text: truncated", False
        if m == "structure":
            return data.replace(b"\n", b"\r\n"), "text: CRLF line ends", True
        return b"\xef\xbb\xbf" + data, "text: byte-order mark", True
    if kind == "jsonl":
        lines = [l for l in data.decode().splitlines() if l.strip()]
        recs = [json.loads(l) for l in lines]
        if m == "append":
            name, h = hostile(rng)
            recs.insert(rng.randrange(len(recs) + 1), {"id": "hostile", "text": h, "date": "2014-09-15"})
            return ("\n".join(json.dumps(r, ensure_ascii=rng.random() < 0.5) for r in recs) + "\n").encode(), \
                f"jsonl: a record of {name} among the others", True
        if m == "insert":
            r = rng.choice(recs)
            r["text"] = insert_in_words(rng, r["text"])
            return ("\n".join(json.dumps(x, ensure_ascii=False) for x in recs) + "\n").encode(), \
                "jsonl: unicode inside a record's words", False
        if m == "bytes":
            bad = [b"\xed\xa0\x80", b"\xff", b"\x00", b"\\ud800", b"\"", b"}", b"\n"]
            return insert_bytes(rng, data, bad, 4), \
                "jsonl: bytes inserted (invalid UTF-8, quotes, braces, line breaks)", False
        if m == "truncate":
            return data[: rng.randrange(len(data) + 1)], "jsonl: truncated", False
        if m == "structure":
            for r in recs:
                r.update({"lang": "en", "authors": ["A. B.", None], "meta": {"n": [1, {"x": 2}]},
                          "score": 1e308})
            rng.shuffle(recs)
            return ("\n".join(json.dumps(r) for r in recs) + "\n").encode(), \
                "jsonl: unknown fields, records shuffled", True
        body = "\r\n".join(lines) + "\r\n"
        return (b"\xef\xbb\xbf" + body.encode()), "jsonl: byte-order mark and CRLF", True
    # petrarch
    text = data.decode()
    if m == "append":
        name, h = hostile(rng)
        esc = h.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        rec = f'<Sentence date="20140915" id="hostile"><Text>{esc}</Text></Sentence>\n'
        return text.replace("</Sentences>", rec + "</Sentences>").encode(), \
            f"petrarch: a record of {name}", True
    if m == "insert":
        return insert_in_words(rng, text).encode(), "petrarch: unicode inside the markup and words", False
    if m == "bytes":
        bad = [b"\xed\xa0\x80", b"\xff", b"<", b"&", b"</Sentence>", b"<!--"]
        return insert_bytes(rng, data, bad, 4), "petrarch: bytes and markup inserted", False
    if m == "truncate":
        return data[: rng.randrange(len(data) + 1)], "petrarch: truncated", False
    if m == "structure":
        n = rng.choice([10, 1000, 100_000])
        parse = "(ROOT " + "(S " * n + "(NN x)" + ")" * n + ")"
        rec = f'<Sentence date="20140915" id="parse"><Text></Text><Parse>{parse}</Parse></Sentence>\n'
        return text.replace("</Sentences>", rec + "</Sentences>").encode(), \
            f"petrarch: a parse-only record nested {n} deep", True
    return data.replace(b"\n", b"\r\n"), "petrarch: CRLF line ends", True


def insert_bytes(rng, data, choices, most):
    """`data` with 1 to `most` of `choices` inserted at random places."""
    b = bytearray(data)
    for _ in range(rng.randint(1, most)):
        p = rng.randrange(len(b) + 1)
        b[p:p] = rng.choice(choices)
    return bytes(b)


def flags(rng, kind):
    """Random flags; returns (argv, output format, expected usage error)."""
    argv = []
    usage_error = False
    fmt = rng.choice(FORMATS)
    argv += ["--output-format", fmt]
    if rng.random() < 0.3:
        argv += ["--threads", str(rng.choice([1, 2, 3, 4, 8]))]
    for flag, p in [("--no-parse", 0.3), ("--no-geo", 0.3), ("--no-dedup", 0.2),
                    ("--aggregate", 0.2), ("--stats", 0.2), ("--strict", 0.1)]:
        if rng.random() < p:
            argv.append(flag)
    if rng.random() < 0.2:
        argv += ["--date", rng.choice(["2014-09-15", "2001-01-01", "2030-12-31"])]
    # Flags that have no effect with the others given are usage errors (exit 2), not ignored.
    if rng.random() < 0.15:
        argv += ["--dedup-window", str(rng.choice([1, 10, 100000]))]
        usage_error = usage_error or "--no-dedup" in argv
    if rng.random() < 0.1:
        argv += ["--new-actor-length", str(rng.choice([1, 3, 8]))]
        usage_error = usage_error or "--no-parse" in argv
    if rng.random() < 0.1:
        argv += ["--max-article-bytes", str(rng.choice([100, 10_000, 1 << 20, 16 << 20]))]
    return argv, fmt, usage_error


def count_events(path, fmt):
    with open(path, "rb") as f:
        data = f.read()
    if fmt == "parquet":
        # Rows are not counted without a Parquet reader; a file of no events is still a file.
        return None if data.startswith(b"PAR1") else 0
    lines = [l for l in data.splitlines() if l.strip()]
    return len(lines) - (1 if fmt == "csv" and lines else 0)


def run(binary, path, argv, out_path, timeout):
    cmd = [binary, "code", path, "-o", out_path] + argv
    env = dict(os.environ, RUST_BACKTRACE="1")
    start = time.time()
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout, env=env)
        return cmd, p.returncode, p.stderr.decode("utf-8", "replace"), time.time() - start
    except subprocess.TimeoutExpired as e:
        return cmd, None, (e.stderr or b"").decode("utf-8", "replace"), time.time() - start


PANIC_SIGNS = ["panicked at", "internal error", "RUST_BACKTRACE", "stack overflow",
               "fatal runtime error", "memory allocation of"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/release/herald"))
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--out", default=os.path.join(ROOT, "target/mutate"))
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"mutate: no binary at {args.binary} (cargo build --release)")
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "findings"), exist_ok=True)
    work = tempfile.mkdtemp(prefix="herald-mutate-")
    bases = examples()
    ext = {"text": ".txt", "jsonl": ".jsonl", "petrarch": ".xml"}
    # Events of each unmutated example per flag set, to know where the output must not be empty.
    baseline = {}
    counts = {"runs": 0, "by_exit": {}, "panic": 0, "bad_exit": 0, "timeout": 0,
              "empty_output": 0, "slowest_s": 0.0, "preserving_runs": 0}
    findings = []
    deadline = time.time() + args.minutes * 60
    try:
        while time.time() < deadline:
            name, kind, data = rng.choice(bases)
            mutated, what, preserving = mutate(rng, kind, data)
            if rng.random() < 0.3:  # a second mutation
                try:
                    mutated, what2, keep = mutate(rng, kind, mutated)
                except (ValueError, UnicodeDecodeError):
                    # The first left no valid JSON or UTF-8 to work on: cut it somewhere.
                    mutated, what2, keep = mutated[: rng.randrange(len(mutated) + 1)], "truncated", False
                what, preserving = f"{what}; {what2}", preserving and keep
            argv, fmt, usage_error = flags(rng, kind)
            # The file's name: its format's extension, or none (sniffed), or a forced format.
            how = rng.random()
            fname = f"{name}{ext[kind]}"
            if how < 0.15:
                fname = f"{name}.dat"
            elif how < 0.25:
                forced = rng.choice(["text", "jsonl", "petrarch"])
                argv += ["--input-format", forced]
                preserving = preserving and forced == kind
            path = os.path.join(work, fname)
            with open(path, "wb") as f:
                f.write(mutated)
            out_path = os.path.join(work, "out")
            cmd, rc, err, secs = run(args.binary, path, argv, out_path, args.timeout)
            counts["runs"] += 1
            counts["by_exit"][str(rc)] = counts["by_exit"].get(str(rc), 0) + 1
            counts["slowest_s"] = max(counts["slowest_s"], round(secs, 2))
            problem = None
            if rc is None:
                problem = "timeout"
            elif rc < 0 or any(s in err for s in PANIC_SIGNS):
                problem = "panic"
            elif rc not in (0, 1, 2) or (rc == 2) != usage_error:
                problem = "bad_exit"
            elif preserving and rc in (0, 1) and "--max-article-bytes" not in argv and "--strict" not in argv:
                counts["preserving_runs"] += 1
                key = (name, tuple(a for a in argv if a != "--stats"))
                if key not in baseline:
                    bpath = os.path.join(work, fname + ".base")
                    with open(bpath, "wb") as f:
                        f.write(data)
                    _, brc, _, _ = run(args.binary, bpath, argv, out_path + ".base", args.timeout)
                    baseline[key] = count_events(out_path + ".base", fmt) if brc in (0, 1) else 0
                if baseline[key] and count_events(out_path, fmt) == 0:
                    problem = "empty_output"
            if problem:
                counts[problem] += 1
                d = os.path.join(args.out, "findings", f"{len(findings):03d}-{problem}")
                os.makedirs(d, exist_ok=True)
                shutil.copy(path, os.path.join(d, fname))
                with open(os.path.join(d, "cmd.txt"), "w") as f:
                    f.write(" ".join(cmd) + f"\nexit {rc}, {secs:.1f} s\nmutation: {what}\n")
                with open(os.path.join(d, "stderr.txt"), "w") as f:
                    f.write(err[-20000:])
                findings.append({"problem": problem, "mutation": what, "exit": rc,
                                 "seconds": round(secs, 2), "dir": d})
                print(f"mutate: {problem}: {what} (exit {rc}, {secs:.1f} s) -> {d}", flush=True)
            if counts["runs"] % 100 == 0:
                print(f"mutate: {counts['runs']} runs, {len(findings)} findings", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary = {"minutes": args.minutes, "seed": args.seed, "timeout_s": args.timeout,
               "binary": args.binary, **counts, "findings": findings}
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps({k: v for k, v in summary.items() if k != "findings"}))
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
