#!/usr/bin/env python3
"""A stand-in for `herald serve`, for developing and testing the explorer (development only).

Serves the explorer's files at `/` and answers the API of docs/api.md from canned data
(fixtures/, made by make_fixtures.py from the bundled examples, i.e. what CI ingests into the real
server's test database). Python standard library only.

    python3 explorer/dev/mock_server.py [--addr 127.0.0.1:8765] [--herald BIN] [--synthetic N]

POST /v1/code runs `BIN code` when --herald (or the HERALD_BIN environment variable) names a herald
binary; without one it answers only for texts it already holds (the examples), as if it had coded
them, and says 400 for anything else. `--synthetic N` adds N events made by copying the canned ones
to other dates, actors and places, to look at the explorer with a large store.

Differences from the real server, on purpose: `format=parquet` and `format=gdelt` answer 501; the
cursor is an offset; no token checks, timeouts or concurrency limits.
"""
import argparse
import base64
import csv
import hashlib
import io
import json
import mimetypes
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from datetime import date, timedelta, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

HERE = Path(__file__).resolve().parent
EXPLORER = HERE.parent
FIXTURES = HERE / "fixtures"
# What the real server embeds: everything under explorer/ but the development and test folders.
NOT_SERVED = {"dev", "tests"}

CSV_COLUMNS = [
    "article_id", "url", "date", "sentence_index", "sentence", "cameo", "root_code", "quad_class",
    "goldstein", "plover_event", "plover_mode", "plover_context",
    "source_code", "source_country", "source_agents", "source_text", "source_start", "source_end",
    "target_code", "target_country", "target_agents", "target_text", "target_start", "target_end",
    "location_name", "location_country", "location_admin1", "location_kind", "location_lat",
    "location_lon", "location_text", "location_start", "location_end",
    "evidence_verb", "evidence_verb_start", "evidence_verb_end", "evidence_pattern",
    "evidence_dictionary", "mentions", "story_group", "num_articles", "num_sources",
]


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_event_id(article_id, thash, sentence_index, position):
    key = f"{article_id}\0{thash}\0{sentence_index}\0{position}".encode("utf-8")
    return hashlib.sha256(key).hexdigest()[:16]


class Store:
    def __init__(self):
        self.lock = threading.Lock()
        self.articles = {}
        self.events = []
        for art in json.loads((FIXTURES / "articles.json").read_text(encoding="utf-8")):
            self.articles[art["id"]] = art
        with open(FIXTURES / "events.jsonl", encoding="utf-8") as f:
            self.events = [json.loads(line) for line in f if line.strip()]
        self._sort()

    def _sort(self):
        # Newest first (date, then event id); undated events last.
        self.events.sort(key=lambda e: (e["date"] or "", e["event_id"]), reverse=True)

    def add_synthetic(self, n, seed=18):
        rng = random.Random(seed)
        base = [e for e in self.events]
        countries = [("KAZ", "Astana", 51.1801, 71.446), ("CHN", "Beijing", 39.9075, 116.3972),
                     ("RUS", "Moscow", 55.7522, 37.6156), ("UKR", "Kyiv", 50.4547, 30.5238),
                     ("USA", "Washington", 38.8951, -77.0364), ("FRA", "Paris", 48.8534, 2.3488),
                     ("IND", "New Delhi", 28.6358, 77.2245), ("BRA", "Brasilia", -15.7797, -47.9297),
                     ("NGA", "Abuja", 9.0579, 7.4951), ("AUS", "Canberra", -35.2835, 149.1281)]
        start = date(2014, 1, 1)
        out = []
        for i in range(n):
            e = json.loads(json.dumps(rng.choice(base)))
            d = start + timedelta(days=rng.randrange(730))
            e["date"] = d.isoformat()
            e["article_id"] = f"syn-{i // 3}"
            e["story_group"] = e["article_id"]
            src, tgt = rng.sample(countries, 2)
            for side, c in (("source", src), ("target", tgt)):
                if e.get(side):
                    e[side]["code"] = c[0] + e[side]["code"][3:] if e[side]["country"] else e[side]["code"]
                    if e[side]["country"]:
                        e[side]["country"] = c[0]
            if e.get("location"):
                place = rng.choice(countries)
                e["location"].update({"name": place[1], "country": place[0], "lat": place[2], "lon": place[3]})
            e["event_id"] = make_event_id(e["article_id"], "syn", e["sentence_index"], i)
            out.append(e)
        self.events.extend(out)
        self._sort()

    def ingest(self, article, events):
        with self.lock:
            aid = article["id"]
            self.events = [e for e in self.events if e["article_id"] != aid]
            self.events.extend(events)
            self.articles[aid] = {
                "id": aid, "text_hash": text_hash(article["text"]), "date": article.get("date"),
                "title": article.get("title"), "source": article.get("source"), "url": article.get("url"),
                "text": article["text"], "story_group": events[0]["story_group"] if events else aid,
                "ingested_at": datetime.now(timezone.utc).isoformat().replace("+00:00", "Z"),
                "events": len(events),
            }
            self._sort()


def one(params, name):
    values = params.get(name)
    if not values:
        return None
    value = values[-1].strip()
    return value or None


def check_date(value, name):
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ApiError(400, f"{name}: expected YYYY-MM-DD, got {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{name}: not a date: {value!r}")
    return value


def check_int(value, name, lo, hi, default):
    if value is None:
        return default
    if not re.fullmatch(r"\d+", value) or not lo <= int(value) <= hi:
        raise ApiError(400, f"{name}: expected an integer from {lo} to {hi}, got {value!r}")
    return int(value)


WORD = re.compile(r"\w+", re.UNICODE)


def make_filter(params, allowed):
    """A predicate over events from the query parameters of docs/api.md (those in `allowed`)."""
    f = {name: one(params, name) for name in allowed}
    frm = check_date(f.get("from"), "from")
    to = check_date(f.get("to"), "to")
    root = f.get("root")
    if root is not None and not re.fullmatch(r"\d{2}", root):
        raise ApiError(400, f"root: expected two digits, got {root!r}")
    qc = f.get("quad_class")
    if qc is not None:
        qc = check_int(qc, "quad_class", 1, 4, None)
    code = f.get("code")
    if code is not None and not re.fullmatch(r"\d{1,4}", code):
        raise ApiError(400, f"code: expected CAMEO digits, got {code!r}")
    words = [w.lower() for w in WORD.findall(f.get("q") or "")]
    up = {k: (f.get(k) or "").upper() or None for k in ("source", "target", "actor", "country", "location_country")}

    def side(e, name):
        return e.get(name) or {}

    def pred(e):
        if (frm or to) and not e["date"]:
            return False
        if frm and e["date"] < frm:
            return False
        if to and e["date"] > to:
            return False
        s, t = side(e, "source"), side(e, "target")
        if up["source"] and not (s.get("code") or "").startswith(up["source"]):
            return False
        if up["target"] and not (t.get("code") or "").startswith(up["target"]):
            return False
        if up["actor"] and not ((s.get("code") or "").startswith(up["actor"]) or (t.get("code") or "").startswith(up["actor"])):
            return False
        if up["country"] and up["country"] not in (s.get("country"), t.get("country")):
            return False
        if up["location_country"] and (e.get("location") or {}).get("country") != up["location_country"]:
            return False
        if code and not e["cameo"].startswith(code):
            return False
        if root and e["root_code"] != root:
            return False
        if qc and e["quad_class"] != qc:
            return False
        if words:
            have = set(w.lower() for w in WORD.findall(e["sentence"]))
            if not all(w in have for w in words):
                return False
        return True

    return pred


EVENT_FILTERS = ["from", "to", "source", "target", "country", "actor", "code", "root", "quad_class",
                 "location_country", "q"]


def flatten(e):
    row = {
        "article_id": e["article_id"], "url": e.get("url"), "date": e.get("date"),
        "sentence_index": e["sentence_index"], "sentence": e["sentence"], "cameo": e["cameo"],
        "root_code": e["root_code"], "quad_class": e["quad_class"], "goldstein": e["goldstein"],
        "plover_event": e["plover"]["event"], "plover_mode": e["plover"]["mode"],
        "plover_context": ";".join(e["plover"]["context"]),
    }
    for side in ("source", "target"):
        a = e.get(side)
        for k in ("code", "country", "agents", "text", "start", "end"):
            v = a.get(k) if a else None
            row[f"{side}_{k}"] = ";".join(v) if k == "agents" and v is not None else v
    loc = e.get("location")
    for k in ("name", "country", "admin1", "kind", "lat", "lon", "text", "start", "end"):
        row[f"location_{k}"] = loc.get(k) if loc else None
    ev = e["evidence"]
    row.update({"evidence_verb": ev["verb"], "evidence_verb_start": ev["verb_start"],
                "evidence_verb_end": ev["verb_end"], "evidence_pattern": ev["pattern"],
                "evidence_dictionary": ev["dictionary"]})
    for k in ("mentions", "story_group", "num_articles", "num_sources"):
        row[k] = e.get(k)
    return row


def to_csv(events):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in events:
        row = flatten(e)
        w.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
    return buf.getvalue()


class Handler(BaseHTTPRequestHandler):
    server_version = "herald-mock/0.1"
    store = None
    herald = None
    quiet = False

    def log_message(self, fmt, *args):
        if not self.quiet:
            sys.stderr.write("mock: " + (fmt % args) + "\n")

    # ---- plumbing
    def send(self, status, body, ctype="application/json", extra=None):
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def send_json(self, status, obj):
        self.send(status, json.dumps(obj, ensure_ascii=False))

    def send_error_json(self, status, message):
        self.send_json(status, {"error": {"status": status, "message": message}})

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        try:
            self.route_get()
        except ApiError as err:
            self.send_error_json(err.status, err.message)

    def do_POST(self):
        try:
            url = urlsplit(self.path)
            if url.path != "/v1/code":
                raise ApiError(404 if not url.path.startswith("/v1/") else 405, f"no such path: {url.path}")
            length = int(self.headers.get("Content-Length") or 0)
            if length > 10 * 1024 * 1024:
                raise ApiError(413, "body larger than 10 MB")
            try:
                body = json.loads(self.rfile.read(length).decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as err:
                raise ApiError(400, f"body is not JSON: {err}")
            self.code(body)
        except ApiError as err:
            self.send_error_json(err.status, err.message)

    # ---- routes
    def route_get(self):
        url = urlsplit(self.path)
        path = unquote(url.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if path == "/healthz":
            return self.send_json(200, {"status": "ok", "events": len(self.store.events), "articles": len(self.store.articles)})
        if path == "/v1/events":
            return self.events(params)
        if path.startswith("/v1/events/"):
            eid = path[len("/v1/events/"):]
            for e in self.store.events:
                if e["event_id"] == eid:
                    return self.send_json(200, e)
            raise ApiError(404, f"no such event: {eid}")
        if path.startswith("/v1/articles/"):
            aid = path[len("/v1/articles/"):]
            art = self.store.articles.get(aid)
            if not art:
                raise ApiError(404, f"no such article: {aid}")
            return self.send_json(200, {**art, "events": [e for e in self.store.events if e["article_id"] == aid]})
        if path == "/v1/stats/daily":
            return self.daily(params)
        if path == "/v1/dyads":
            return self.dyads(params)
        if path == "/v1/places":
            return self.places(params)
        if path == "/v1/openapi.json":
            return self.send_json(200, {"openapi": "3.0.3", "info": {"title": "herald mock", "version": "0"}, "paths": {}})
        if path == "/metrics":
            return self.send(200, f"herald_events_stored {len(self.store.events)}\n", "text/plain; version=0.0.4")
        if path.startswith("/v1/"):
            raise ApiError(404, f"no such path: {path}")
        return self.static(path)

    def static(self, path):
        rel = "index.html" if path in ("/", "") else path.lstrip("/")
        parts = Path(rel).parts
        if not parts or parts[0] in NOT_SERVED or ".." in parts:
            raise ApiError(404, f"no such path: {path}")
        file = EXPLORER / rel
        if not file.is_file():
            raise ApiError(404, f"no such path: {path}")
        ctype = {".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".html": "text/html; charset=utf-8",
                 ".json": "application/json", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
                 ".md": "text/markdown; charset=utf-8", ".png": "image/png", ".ico": "image/x-icon"
                 }.get(file.suffix, mimetypes.guess_type(file.name)[0] or "application/octet-stream")
        # The strictest policy the explorer must live with: nothing inline, nothing from elsewhere.
        csp = {"Content-Security-Policy": "default-src 'self'; base-uri 'none'; frame-ancestors 'none'"}
        self.send(200, file.read_bytes(), ctype, csp if file.suffix == ".html" else None)

    def filtered(self, params, allowed):
        pred = make_filter(params, allowed)
        return [e for e in self.store.events if pred(e)]

    def events(self, params):
        fmt = (one(params, "format") or "").lower()
        if not fmt and "text/csv" in (self.headers.get("Accept") or ""):
            fmt = "csv"
        fmt = fmt or "json"
        if fmt not in ("json", "csv", "parquet", "gdelt"):
            raise ApiError(400, f"format: expected json, csv, parquet or gdelt, got {fmt!r}")
        limit = check_int(one(params, "limit"), "limit", 1, 1000, 100)
        cursor = one(params, "cursor")
        offset = 0
        if cursor:
            try:
                offset = int(json.loads(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())["o"])
            except Exception:
                raise ApiError(400, "cursor: not a cursor from this server")
        rows = self.filtered(params, EVENT_FILTERS)
        page = rows[offset:offset + limit]
        nxt = None
        if offset + limit < len(rows):
            nxt = base64.urlsafe_b64encode(json.dumps({"o": offset + limit}).encode()).decode().rstrip("=")
        if fmt == "csv":
            return self.send(200, to_csv(page), "text/csv; charset=utf-8",
                             {"Content-Disposition": 'attachment; filename="events.csv"'})
        if fmt in ("parquet", "gdelt"):
            raise ApiError(501, f"the mock server does not write {fmt}; the real server does")
        return self.send_json(200, {"events": page, "next_cursor": nxt})

    def daily(self, params):
        rows = self.filtered(params, ["from", "to", "root", "country", "quad_class"])
        acc = defaultdict(lambda: [0, 0.0])
        for e in rows:
            if not e["date"]:
                continue
            a = acc[(e["date"], e["root_code"], e["quad_class"])]
            a[0] += 1
            a[1] += e["goldstein"]
        days = [{"date": d, "root_code": r, "quad_class": q, "count": c, "goldstein_mean": round(g / c, 3)}
                for (d, r, q), (c, g) in sorted(acc.items())]
        self.send_json(200, {"days": days})

    def dyads(self, params):
        limit = check_int(one(params, "limit"), "limit", 1, 1000, 20)
        rows = self.filtered(params, ["from", "to", "root", "quad_class"])
        acc = defaultdict(lambda: [0, 0.0])
        for e in rows:
            s, t = (e.get("source") or {}).get("country"), (e.get("target") or {}).get("country")
            if not s or not t:
                continue
            a = acc[(s, t)]
            a[0] += 1
            a[1] += e["goldstein"]
        out = [{"source": s, "target": t, "count": c, "goldstein_mean": round(g / c, 3)} for (s, t), (c, g) in acc.items()]
        out.sort(key=lambda d: (-d["count"], d["source"], d["target"]))
        self.send_json(200, {"dyads": out[:limit]})

    def places(self, params):
        limit = check_int(one(params, "limit"), "limit", 1, 1000, 100)
        rows = self.filtered(params, EVENT_FILTERS)
        acc = {}
        for e in rows:
            loc = e.get("location")
            if not loc:
                continue
            key = (loc["name"], loc["country"], loc["lat"], loc["lon"])
            acc[key] = acc.get(key, 0) + 1
        out = [{"name": n, "country": c, "lat": la, "lon": lo, "count": k} for (n, c, la, lo), k in acc.items()]
        out.sort(key=lambda p: (-p["count"], p["name"]))
        self.send_json(200, {"places": out[:limit]})

    def code(self, body):
        arts = body.get("articles") if isinstance(body, dict) else None
        if not isinstance(arts, list) or not arts:
            raise ApiError(400, "body: expected {\"articles\": [...]} with at least one article")
        store = bool(body.get("store", False))
        events, errors = [], []
        for art in arts:
            if not isinstance(art, dict) or not isinstance(art.get("id"), str) or not isinstance(art.get("text"), str):
                errors.append({"id": (art or {}).get("id") if isinstance(art, dict) else None,
                               "reason": "an article needs a string id and a string text"})
                continue
            if art.get("date") is not None:
                check_date(art["date"], "date")
            coded = self.code_one(art)
            if coded is None:
                errors.append({"id": art["id"], "reason": "the mock server codes only the bundled examples "
                               "(start it with --herald BIN to code any text)"})
                continue
            if store:
                self.store.ingest(art, coded)
            events.extend(coded)
        self.send_json(200, {"events": events, "errors": errors})

    def code_one(self, art):
        thash = text_hash(art["text"])
        if self.herald:
            with tempfile.TemporaryDirectory() as tmp:
                inp = Path(tmp) / "in.jsonl"
                rec = {k: art.get(k) for k in ("id", "text", "date", "title", "source", "url") if art.get(k) is not None}
                inp.write_text(json.dumps(rec) + "\n", encoding="utf-8")
                proc = subprocess.run([self.herald, "code", "--input-format", "jsonl", str(inp)],
                                      capture_output=True, text=True)
                if proc.returncode != 0:
                    raise ApiError(400, proc.stderr.strip() or "herald code failed")
                recs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
        else:
            known = [a for a in self.store.articles.values() if a["text"] == art["text"]]
            if not known:
                return None
            recs = []
            for e in self.store.events:
                if e["article_id"] == known[0]["id"]:
                    e = json.loads(json.dumps(e))
                    e.pop("event_id")
                    e["article_id"] = art["id"]
                    e["story_group"] = art["id"]
                    e["url"] = art.get("url")
                    e["date"] = art.get("date") or e["date"]
                    recs.append(e)
            recs.sort(key=lambda e: e["sentence_index"])
        out = []
        for n, e in enumerate(recs):
            out.append({"event_id": make_event_id(art["id"], thash, e["sentence_index"], n), **e})
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--addr", default="127.0.0.1:8765")
    ap.add_argument("--herald", default=os.environ.get("HERALD_BIN"), help="herald binary for POST /v1/code")
    ap.add_argument("--synthetic", type=int, default=0, help="add N generated events")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    host, _, port = args.addr.rpartition(":")
    Handler.store = Store()
    if args.synthetic:
        Handler.store.add_synthetic(args.synthetic)
    Handler.herald = args.herald
    Handler.quiet = args.quiet
    srv = ThreadingHTTPServer((host or "127.0.0.1", int(port)), Handler)
    print(f"mock herald serve on http://{host}:{srv.server_address[1]}/ ({len(Handler.store.events)} events)",
          file=sys.stderr, flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
