#!/usr/bin/env python3
"""Build the mock server's canned data from the bundled examples (development only).

Runs `herald code` on the inputs that CI ingests into the real server's test database
(examples/*.jsonl and examples/defense-visit.txt, in one run so that story groups are shared as
`herald ingest` would share them) and writes:

  fixtures/articles.json   the stored articles (docs/api.md's article object, with their text)
  fixtures/events.jsonl    the stored events: `herald code`'s JSONL records plus `event_id`

Usage: HERALD_BIN=/path/to/herald python3 explorer/dev/make_fixtures.py
(default HERALD_BIN: target/release/herald). Only the standard library is used.
"""
import hashlib
import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "fixtures"
INPUTS = ["examples/articles.jsonl", "examples/syndicated.jsonl", "examples/defense-visit.txt"]


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def event_id(article_id, thash, sentence_index, position):
    key = f"{article_id}\0{thash}\0{sentence_index}\0{position}".encode("utf-8")
    return hashlib.sha256(key).hexdigest()[:16]


def read_articles():
    """The articles as herald reads them: JSONL records, and text files named by their file name."""
    articles = []
    for rel in INPUTS:
        path = ROOT / rel
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    articles.append({k: rec.get(k) for k in ("id", "text", "date", "title", "source", "url")})
        else:
            articles.append({"id": path.name, "text": path.read_text(encoding="utf-8"), "date": None,
                             "title": None, "source": None, "url": None})
    return articles


def main():
    herald = os.environ.get("HERALD_BIN", str(ROOT / "target/release/herald"))
    out = subprocess.run([herald, "code", *INPUTS], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    articles = read_articles()
    by_id = {a["id"]: a for a in articles}
    now = datetime(2026, 1, 1, tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")
    position = {}
    events = []
    for rec in records:
        art = by_id[rec["article_id"]]
        n = position.get(art["id"], 0)
        position[art["id"]] = n + 1
        rec = {"event_id": event_id(art["id"], text_hash(art["text"]), rec["sentence_index"], n), **rec}
        events.append(rec)
    stored = []
    for art in articles:
        groups = [e["story_group"] for e in events if e["article_id"] == art["id"]]
        stored.append({
            "id": art["id"], "text_hash": text_hash(art["text"]), "date": art["date"],
            "title": art["title"], "source": art["source"], "url": art["url"], "text": art["text"],
            "story_group": groups[0] if groups else art["id"], "ingested_at": now,
            "events": sum(1 for e in events if e["article_id"] == art["id"]),
        })
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "articles.json").write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with open(OUT / "events.jsonl", "w", encoding="utf-8") as f:
        for e in events:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"{len(stored)} articles, {len(events)} events -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
